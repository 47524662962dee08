using System.Text.Json.Nodes;

namespace VmLifecycle.Bench.Report;

/// <summary>One row of the table: the figure, its same-run baseline, the target and whether it is met (null: not judged).</summary>
internal sealed record BenchRow(int Number, string What, string Measured, string Baseline, string Versus, bool? Pass)
{
    /// <summary>The numbers behind the row, for bench.json.</summary>
    public JsonObject Details { get; init; } = [];

    public static BenchRow Failed(int number, string what, Exception error) =>
        new(number, what, "error", "", error.Message.Split('\n')[0], false) { Details = new JsonObject { ["error"] = error.ToString() } };
}
