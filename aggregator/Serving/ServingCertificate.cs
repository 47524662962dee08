using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace VmLifecycle.Aggregator.Serving;

/// <summary>The serving certificate from <see cref="ServingOptions"/>; loaded when first needed (start-up fails without it), then kept current.</summary>
internal sealed class ServingCertificate : IDisposable
{
    private readonly PemCertificateFileSource _source;

    public ServingCertificate(IOptions<ServingOptions> options, TimeProvider time, ILogger<ServingCertificate> logger)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.CertificateFile) || string.IsNullOrEmpty(settings.PrivateKeyFile))
        {
            throw new InvalidOperationException("Serving:CertificateFile and Serving:PrivateKeyFile are required (PEM files of the serving certificate and its key).");
        }

        _source = new PemCertificateFileSource(settings.CertificateFile, settings.PrivateKeyFile, time, settings.CertificateRecheckInterval, logger);
        _source.LoadOrThrow();
    }

    public X509Certificate2? Current => _source.Current;

    public void Dispose() => _source.Dispose();
}
