namespace VmLifecycle.Aggregator.Serving;

/// <summary>How the aggregator listens: configuration section "Serving".</summary>
internal sealed class ServingOptions
{
    public const string SectionName = "Serving";

    /// <summary>The HTTPS port (KubeVirt's virt-api uses 8443 behind a Service on 443). 0 picks a free port (tests).</summary>
    public int Port { get; set; } = 8443;

    /// <summary>The address to bind; empty binds every address (IPv4 and IPv6).</summary>
    public string? BindAddress { get; set; }

    /// <summary>PEM file with the serving certificate (and optionally its intermediates); reloaded when it changes.</summary>
    public string CertificateFile { get; set; } = "";

    /// <summary>PEM file with the serving certificate's private key; reloaded when it changes.</summary>
    public string PrivateKeyFile { get; set; } = "";

    /// <summary>Largest accepted request body; larger bodies get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How often the certificate files are compared with the loaded ones, besides file-system notifications.</summary>
    public TimeSpan CertificateRecheckInterval { get; set; } = TimeSpan.FromSeconds(10);
}
