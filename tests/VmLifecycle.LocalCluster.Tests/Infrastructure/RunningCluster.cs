using Microsoft.AspNetCore.Builder;
using VmLifecycle.LocalCluster.Serving;
using VmLifecycle.LocalCluster.Storage;

namespace VmLifecycle.LocalCluster.Tests.Infrastructure;

/// <summary>A local cluster started in-process on a free loopback port, with its own data directory.</summary>
internal sealed class RunningCluster : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningCluster(WebApplication app, string dataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }

    public string KubeconfigPath => Path.Combine(DataDirectory, "kubeconfig");

    public Uri ServerUri => LocalClusterApp.ServerUri(_app);

    public IServiceProvider Services => _app.Services;

    public ObjectStore Store => (ObjectStore)_app.Services.GetService(typeof(ObjectStore))!;

    public Kubectl Kubectl => new(KubeconfigPath);

    /// <summary>Directory of the test CRDs (and of the chart's CRDs, when the chart has them).</summary>
    public static string FixturesDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>The repository root (the folder of VmLifecycle.sln).</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "VmLifecycle.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No VmLifecycle.sln above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>The chart's CRD directory (charts/vm-lifecycle/crds); every cluster of the tests serves these CRDs.</summary>
    public static string ChartCrdsDirectory => Path.Combine(RepositoryRoot, "charts", "vm-lifecycle", "crds");

    public static async Task<RunningCluster> StartAsync(
        string? dataDirectory = null,
        IEnumerable<string>? extraArguments = null,
        Action<WebApplicationBuilder>? configure = null,
        CancellationToken cancellationToken = default)
    {
        var directory = dataDirectory ?? Directory.CreateTempSubdirectory("local-cluster-").FullName;
        string[] arguments =
        [
            "--port", "0",
            "--data-dir", directory,
            "--crd-dir", FixturesDirectory,
            "--Logging:LogLevel:Default=Warning",
            $"--LocalCluster:CrdDirectories:1={ChartCrdsDirectory}",
            .. extraArguments ?? [],
        ];
        var app = LocalClusterApp.Build(arguments, configure);
        await app.StartAsync(cancellationToken);
        return new RunningCluster(app, directory);
    }

    public Kubernetes CreateClient() => new(KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
