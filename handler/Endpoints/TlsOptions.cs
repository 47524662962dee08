namespace VmLifecycle.Handler.Endpoints;

/// <summary>The handler's HTTPS endpoint: configuration section "Tls" plus the listen port.</summary>
internal sealed class TlsOptions
{
    public const string SectionName = "Tls";

    /// <summary>The port the HTTPS endpoint listens on (all addresses).</summary>
    public int Port { get; set; } = 8186;

    /// <summary>PEM server certificate (leaf first, then intermediates).</summary>
    public string CertificateFile { get; set; } = "";

    /// <summary>PEM private key of the server certificate.</summary>
    public string PrivateKeyFile { get; set; } = "";

    /// <summary>PEM bundle of the CA(s) that sign the aggregator's client certificate; only they are accepted.</summary>
    public string ClientCaFile { get; set; } = "";

    /// <summary>The URL published in the Node's handler-endpoint annotation; default https://{node}:{port}.</summary>
    public string? AdvertisedEndpoint { get; set; }

    public void Validate()
    {
        foreach (var (name, path) in new[] { (nameof(CertificateFile), CertificateFile), (nameof(PrivateKeyFile), PrivateKeyFile), (nameof(ClientCaFile), ClientCaFile) })
        {
            if (string.IsNullOrEmpty(path) || !File.Exists(path))
            {
                throw new InvalidOperationException($"{SectionName}:{name} must name an existing PEM file (got \"{path}\").");
            }
        }
    }
}
