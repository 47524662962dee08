using System.Security.Cryptography.X509Certificates;

namespace VmLifecycle.LocalCluster.Aggregation;

/// <summary>
/// How the aggregation layer reaches extension API servers. There are no Services in the local cluster, so the
/// address of each APIService's service comes from here (what --enable-aggregator-routing resolves on a real one).
/// </summary>
internal sealed class AggregationOptions
{
    /// <summary>Service "namespace/name" → backend base address, e.g. "https://127.0.0.1:8443".</summary>
    public IDictionary<string, string> BackendAddresses { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The front-proxy client certificate with its private key (CN front-proxy-client, signed by the requestheader CA).</summary>
    public required X509Certificate2 FrontProxyClientCertificate { get; init; }

    /// <summary>How often every APIService is probed (kube-aggregator: 30 s).</summary>
    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a proxied request that is not long-running may take (kube-apiserver's --request-timeout: 60 s).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a proxied GET /apis/GROUP/VERSION may take (k8s.io/apiserver proxy aggregatedDiscoveryTimeout: 5 s).</summary>
    public TimeSpan DiscoveryTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one probe may take (kube-aggregator: 5 s client timeout).</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
