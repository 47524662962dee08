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

    /// <summary>The chart's CRD directory (charts/vm-lifecycle/crds), when the repository has one.</summary>
    public static string? ChartCrdsDirectory
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "charts", "vm-lifecycle", "crds");
                if (File.Exists(Path.Combine(directory.FullName, "VmLifecycle.sln")))
                {
                    return Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.yaml").Any() ? candidate : null;
                }
            }

            return null;
        }
    }

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
            .. ChartCrdsDirectory is { } chart ? [$"--LocalCluster:CrdDirectories:1={chart}"] : Array.Empty<string>(),
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
