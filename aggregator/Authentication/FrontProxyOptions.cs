namespace VmLifecycle.Aggregator.Authentication;

/// <summary>Where the front-proxy (request header) trust comes from: configuration section "FrontProxy".</summary>
internal sealed class FrontProxyOptions
{
    public const string SectionName = "FrontProxy";

    /// <summary>Namespace of the ConfigMap kube-apiserver publishes its request-header settings in.</summary>
    public string ConfigMapNamespace { get; set; } = "kube-system";

    /// <summary>Name of that ConfigMap.</summary>
    public string ConfigMapName { get; set; } = "extension-apiserver-authentication";

    /// <summary>
    /// When set, the request-header CA is read (and reloaded) from this PEM file instead of the ConfigMap, with the
    /// standard X-Remote-* header names. For local runs; in a cluster the ConfigMap is authoritative.
    /// </summary>
    public string? RequestHeaderCaFile { get; set; }

    /// <summary>When set, replaces requestheader-allowed-names of the ConfigMap (an empty list allows any CN).</summary>
    public IList<string>? AllowedNames { get; set; }

    /// <summary>How long start-up waits for the ConfigMap before it gives up (k8s.io/apiserver aborts start-up too).</summary>
    public TimeSpan InitialLoadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Pause before the ConfigMap watch is re-established after it ended or failed.</summary>
    public TimeSpan WatchRetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
