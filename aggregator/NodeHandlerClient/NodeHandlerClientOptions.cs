namespace VmLifecycle.Aggregator.NodeHandlerClient;

/// <summary>Mutual TLS to the node handlers for pause and unpause: configuration section "NodeHandler".</summary>
internal sealed class NodeHandlerClientOptions
{
    public const string SectionName = "NodeHandler";

    /// <summary>PEM client certificate the aggregator presents to handlers; reloaded when it changes.</summary>
    public string? ClientCertificateFile { get; set; }

    /// <summary>PEM key of <see cref="ClientCertificateFile"/>.</summary>
    public string? ClientKeyFile { get; set; }

    /// <summary>PEM CA bundle the handlers' serving certificates must chain to; reloaded when it changes.</summary>
    public string? CaFile { get; set; }

    /// <summary>Whether the handler's certificate must name the host of its endpoint (SAN); on by default.</summary>
    public bool VerifyHostname { get; set; } = true;

    /// <summary>How long a pause or unpause may take on the handler (it answers once the Paused condition is written).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan CertificateRecheckInterval { get; set; } = TimeSpan.FromSeconds(10);
}
