using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace VmLifecycle.Bench.Cluster;

/// <summary>
/// The local stack hack/local-up.sh started in the bench's own directory: its URLs and pids (from its env file) and
/// HTTPS clients that call it as kubectl does (admin client certificate, through the local cluster) and as
/// kube-apiserver does (front-proxy client certificate, straight to the aggregator).
/// </summary>
internal sealed class Stack
{
    private readonly Dictionary<string, string> _env;

    private Stack(string localDirectory, Dictionary<string, string> env)
    {
        LocalDirectory = localDirectory;
        _env = env;
    }

    public string LocalDirectory { get; }

    public string Kubeconfig => Path.Combine(LocalDirectory, "kubeconfig");

    public Uri ClusterUrl => new(_env["LOCAL_CLUSTER_URL"]);

    public Uri AggregatorUrl => new(_env["AGGREGATOR_URL"]);

    public int AggregatorPid => int.Parse(_env["AGGREGATOR_PID"], System.Globalization.CultureInfo.InvariantCulture);

    public IReadOnlyList<int> HandlerPids =>
        [.. _env["HANDLER_PIDS"].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture))];

    public Uri HandlerUrl => new(_env["HANDLER_URLS"].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);

    public IReadOnlyList<string> Nodes => _env["HANDLER_NODES"].Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private string ClusterPki => Path.Combine(LocalDirectory, "cluster", "Pki");

    public static Stack Load(string localDirectory)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(Path.Combine(localDirectory, "env")))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                env[line[..equals]] = line[(equals + 1)..].Trim('"');
            }
        }

        return new Stack(localDirectory, env);
    }

    /// <summary>To the local cluster as kubernetes-admin (system:masters), as kubectl with the admin kubeconfig.</summary>
    public HttpClient ClusterClient(int connections) => Client(
        ClusterUrl,
        Path.Combine(ClusterPki, "ca.crt"),
        Path.Combine(ClusterPki, "admin.crt"),
        Path.Combine(ClusterPki, "admin.key"),
        connections);

    /// <summary>Straight to the aggregator as the local cluster's aggregation proxy calls it: front-proxy certificate and X-Remote-* headers.</summary>
    public HttpClient FrontProxyClient(int connections)
    {
        var client = Client(
            AggregatorUrl,
            Path.Combine(LocalDirectory, "pki", "aggregator-ca.crt"),
            Path.Combine(ClusterPki, "front-proxy-client.crt"),
            Path.Combine(ClusterPki, "front-proxy-client.key"),
            connections);
        client.DefaultRequestHeaders.Add("X-Remote-User", "kubernetes-admin");
        // One header per group, as the proxy sends them (HttpClient would join a list into one comma-separated value).
        client.DefaultRequestHeaders.Add("X-Remote-Group", "system:masters");
        return client;
    }

    /// <summary>To the first handler, with the aggregator's client certificate (for its /metrics).</summary>
    public HttpClient HandlerClient() => Client(
        HandlerUrl,
        Path.Combine(LocalDirectory, "pki", "handler-ca.crt"),
        Path.Combine(LocalDirectory, "pki", "aggregator-handler-client.crt"),
        Path.Combine(LocalDirectory, "pki", "aggregator-handler-client.key"),
        1);

    private static HttpClient Client(Uri baseAddress, string caFile, string certificateFile, string keyFile, int connections)
    {
        var ca = X509CertificateLoader.LoadCertificateFromFile(caFile);
        var certificate = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = [certificate],
                RemoteCertificateValidationCallback = (_, presented, _, errors) =>
                {
                    if (presented is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
                    {
                        return false;
                    }

                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(ca);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return chain.Build(new X509Certificate2(presented));
                },
            },
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
    }
}
