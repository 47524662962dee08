using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using VmLifecycle.LocalCluster.Pki;
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

    /// <summary>The repository root (the folder of VmLifecycle.sln), as the test projects share it.</summary>
    public static string RepositoryRoot => global::VmLifecycle.TestSupport.Repository.RepositoryRoot.Path;

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

    /// <summary>The cluster CA (PEM) that clients trust and that issues client certificates.</summary>
    public string CaPem => File.ReadAllText(Path.Combine(DataDirectory, "Pki", "ca.crt"));

    /// <summary>A client certificate issued by the cluster CA: CN = user, O = groups, as kubeadm issues them.</summary>
    public X509Certificate2 IssueClientCertificate(string user, params string[] groups) =>
        ((ClusterPki)_app.Services.GetService(typeof(ClusterPki))!).ClusterCa.Issue(CertificateProfile.Client(user, groups), TimeProvider.System);

    /// <summary>An HTTPS client that trusts the cluster CA and presents <paramref name="clientCertificate"/> (none: anonymous).</summary>
    public HttpClient CreateHttpClient(X509Certificate2? clientCertificate)
    {
        var ca = X509Certificate2.CreateFromPem(CaPem);
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, chain, _) =>
            {
                chain!.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                return chain.Build(certificate!);
            },
        };
        if (clientCertificate is not null)
        {
            handler.ClientCertificateOptions = ClientCertificateOption.Manual;
            handler.ClientCertificates.Add(clientCertificate);
        }

        return new HttpClient(handler) { BaseAddress = ServerUri };
    }

    public Kubernetes CreateClient() => new(KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
