using System.Text;

namespace VmLifecycle.Bench.Report;

/// <summary>The rows as a plain-text table (and a Markdown one for the README).</summary>
internal static class ResultTable
{
    private static readonly string[] Headers = ["#", "what", "measured", "baseline (same run)", "ratio / target", "result"];

    public static string Text(IReadOnlyList<BenchRow> rows)
    {
        var cells = rows.Select(Cells).ToList();
        var widths = Headers.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        var text = new StringBuilder();
        Line(text, Headers, widths);
        Line(text, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in cells)
        {
            Line(text, row, widths);
        }

        return text.ToString();
    }

    public static string Markdown(IReadOnlyList<BenchRow> rows)
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", Headers).AppendLine(" |");
        text.Append('|').AppendJoin('|', Headers.Select(_ => "---")).AppendLine("|");
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", Cells(row)).AppendLine(" |");
        }

        return text.ToString();
    }

    private static string[] Cells(BenchRow row) =>
        [row.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), row.What, row.Measured, row.Baseline, row.Versus,
            row.Pass switch { true => "PASS", false => "FAIL", null => "info" }];

    private static void Line(StringBuilder text, string[] cells, int[] widths)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            text.Append(cells[i].PadRight(widths[i]));
            text.Append(i < cells.Length - 1 ? "  " : "");
        }

        text.AppendLine();
    }
}
