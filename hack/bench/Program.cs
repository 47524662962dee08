using System.Text.Json;
using System.Text.Json.Nodes;
using VmLifecycle.Bench;
using VmLifecycle.Bench.Report;
using VmLifecycle.Bench.Rows;

// Driven by hack/bench.sh once the bench stack is up: runs the rows, prints the table, writes bench.json.
// Exit code: 0 when every target is met, 1 when one is missed or a row failed, 2 on bad arguments.
BenchSettings settings;
try
{
    settings = BenchSettings.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync($"bench: {e.Message}");
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
var ct = cancellation.Token;
var rows = new List<BenchRow>();
var loadAtStart = MachineFacts.LoadAverage();
JsonObject facts;
try
{
    await using var context = await BenchContext.OpenAsync(settings, ct);
    async Task Row(int number, string what, Func<Task<IReadOnlyList<BenchRow>>> measure)
    {
        await Console.Error.WriteLineAsync($"bench: row {number}: {what}");
        try
        {
            var measured = await measure();
            rows.AddRange(measured);
            foreach (var row in measured)
            {
                await Console.Error.WriteLineAsync($"bench:   {row.Measured} | {row.Baseline} | {row.Versus}");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"bench: row {number} failed: {e}");
            rows.Add(BenchRow.Failed(number, what, e));
        }
    }

    if (settings.Measures(1))
    {
        await Row(1, "start-up", async () => [await StartupRow.RunAsync(context, ct)]);
    }

    if (settings.Measures(2) || settings.Measures(3) || settings.Measures(7))
    {
        await Console.Error.WriteLineAsync("bench: booting VMI bench-pause and its baseline domain bench-virsh-pause");
        await context.PreparePausePairAsync(ct);
    }

    if (settings.Measures(2))
    {
        await Row(2, "pause via kubectl virt", async () => [await PauseCliRow.RunAsync(context, ct)]);
    }

    if (settings.Measures(3))
    {
        await Row(3, "pause via the API", async () => [await PauseApiRow.RunAsync(context, ct)]);
    }

    if (settings.Measures(7))
    {
        await Row(7, "dry-run pause throughput", () => DryRunRow.RunAsync(context, ct));
    }

    if (settings.Measures(4))
    {
        await Row(4, "create until Running", async () => [await CreateRow.RunAsync(context, ct)]);
    }

    if (settings.Measures(5) || settings.Measures(6))
    {
        await Row(5, $"{settings.DensityVmis} VMIs at once", () => DensityRow.RunAsync(context, ct));
    }

    facts = await MachineFacts.CollectAsync(context, loadAtStart);
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    // The rows measured so far are still worth a table; the VMIs and baseline domains are gone (the context's disposal).
    await Console.Error.WriteLineAsync("bench: interrupted; the VMIs and baseline domains of this run were removed");
    facts = new JsonObject { ["interrupted"] = true, ["loadAverageAtStart"] = loadAtStart, ["loadAverageAtEnd"] = MachineFacts.LoadAverage() };
}

rows.Sort((a, b) => a.Number.CompareTo(b.Number));
Console.WriteLine();
Console.WriteLine(ResultTable.Text(rows));
Console.WriteLine(string.Join(", ", facts.Select(f => $"{f.Key}: {f.Value}")));

var document = new JsonObject
{
    ["machine"] = facts,
    ["rows"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
    {
        ["number"] = r.Number,
        ["what"] = r.What,
        ["measured"] = r.Measured,
        ["baseline"] = r.Baseline,
        ["versus"] = r.Versus,
        ["result"] = r.Pass switch { true => "PASS", false => "FAIL", null => "info" },
        ["details"] = r.Details,
    })]),
    ["markdown"] = ResultTable.Markdown(rows),
};
// An interrupted run, or one of some rows only, does not replace the last complete one.
var output = ct.IsCancellationRequested ? Path.ChangeExtension(settings.OutputFile, ".interrupted.json")
    : settings.Rows.Count > 0 ? Path.ChangeExtension(settings.OutputFile, ".rows.json")
    : settings.OutputFile;
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), CancellationToken.None);
Console.WriteLine($"written {output}");
return ct.IsCancellationRequested ? 130 : rows.Exists(r => r.Pass == false) ? 1 : 0;
