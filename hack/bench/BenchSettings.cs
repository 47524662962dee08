namespace VmLifecycle.Bench;

/// <summary>What hack/bench.sh hands over: where the stack and the repository are, and how much to repeat.</summary>
internal sealed record BenchSettings
{
    public required string Repository { get; init; }

    /// <summary>The stack's VM_LIFECYCLE_LOCAL_DIR (env, kubeconfig, pki, cluster/Pki).</summary>
    public required string LocalDirectory { get; init; }

    public required string OutputFile { get; init; }

    public required bool Quick { get; init; }

    /// <summary>The namespace of every VMI the bench creates; the handler names domains {namespace}_{name}.</summary>
    public string Namespace { get; init; } = "bench";

    public int StartupRuns => Quick ? 10 : 30;

    public int PauseCliRuns => Quick ? 5 : 20;

    public int PauseApiCalls => Quick ? 50 : 200;

    /// <summary>
    /// Pairs sent before row 3 measures: the stack's processes are fresh, and the .NET runtime recompiles what a pause
    /// runs through (tiered compilation) during the first seconds of calls (with 50 pairs, the slowest pairs were still
    /// the first ones measured); the row measures the steady state of a stack that runs for days.
    /// </summary>
    public int PauseApiWarmupPairs => Quick ? 20 : 200;

    public int CreateRuns => Quick ? 3 : 10;

    public int DensityVmis => Quick ? 10 : 50;

    public int DensityRuns { get; init; } = 1;

    public TimeSpan ThroughputDuration => Quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(10);

    public int ThroughputWorkers { get; init; } = 16;

    /// <summary>The rows to measure (--rows 2,3); all when empty.</summary>
    public IReadOnlySet<int> Rows { get; init; } = new HashSet<int>();

    public bool Measures(int row) => Rows.Count == 0 || Rows.Contains(row);

    public string WorkDirectory => Path.Combine(LocalDirectory, "work");

    public static BenchSettings Parse(string[] args)
    {
        string? repository = null, localDirectory = null, output = null;
        var quick = false;
        var densityRuns = 1;
        var workers = 16;
        var rows = new HashSet<int>();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--repo": repository = Next(); break;
                case "--local-dir": localDirectory = Next(); break;
                case "--out": output = Next(); break;
                case "--quick": quick = true; break;
                case "--density-runs": densityRuns = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--workers": workers = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--rows": rows.UnionWith(Next().Split(',').Select(r => int.TryParse(r, out var n) && n is >= 1 and <= 7 ? n : throw new ArgumentException($"--rows: {r} is not a row (1-7)"))); break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }

        repository ??= Directory.GetCurrentDirectory();
        localDirectory ??= Path.Combine(repository, ".local", "bench");
        return new BenchSettings
        {
            Repository = Path.GetFullPath(repository),
            LocalDirectory = Path.GetFullPath(localDirectory),
            OutputFile = Path.GetFullPath(output ?? Path.Combine(repository, ".local", "bench.json")),
            Quick = quick,
            DensityRuns = Math.Max(1, densityRuns),
            ThroughputWorkers = Math.Max(1, workers),
            Rows = rows,
        };
    }
}
