using VmLifecycle.Aggregator.Serving;

namespace VmLifecycle.Aggregator.Authentication;

/// <summary>Request-header settings with the CA from a PEM file (reloaded when it changes) and the standard X-Remote-* headers.</summary>
internal sealed class FileRequestHeaderSettingsSource(PemCertificateFileSource caFile) : IRequestHeaderSettingsSource, IDisposable
{
    public RequestHeaderSettings? Current
    {
        get
        {
            var bundle = caFile.Bundle;
            return bundle.Count == 0 ? null : RequestHeaderSettings.WithDefaultHeaders(bundle, "file");
        }
    }

    public void Dispose() => caFile.Dispose();
}
