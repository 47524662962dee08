using System.Net;
using System.Security.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Options;
using VmLifecycle.Aggregator.Authentication;

namespace VmLifecycle.Aggregator.Serving;

/// <summary>
/// HTTPS only, on <see cref="ServingOptions.Port"/>: the serving certificate is picked per handshake (so a rotated file
/// takes effect without a restart), and client certificates are requested but not required (probes send none). Every
/// client certificate passes the TLS layer; <see cref="FrontProxyAuthenticator"/> decides what it is worth, with the
/// intermediates captured here.
/// </summary>
internal sealed class KestrelServingSetup(IOptions<ServingOptions> options, ServingCertificate certificate, PeerIntermediateCertificates peerIntermediates)
    : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions kestrel)
    {
        var settings = options.Value;
        kestrel.AddServerHeader = false;
        if (string.IsNullOrEmpty(settings.BindAddress))
        {
            kestrel.ListenAnyIP(settings.Port, UseHttps);
        }
        else
        {
            kestrel.Listen(IPAddress.Parse(settings.BindAddress), settings.Port, UseHttps);
        }
    }

    private void UseHttps(ListenOptions listen) => listen.UseHttps(new HttpsConnectionAdapterOptions
    {
        ServerCertificateSelector = (_, _) => certificate.Current,
        ClientCertificateMode = ClientCertificateMode.AllowCertificate,
        ClientCertificateValidation = (clientCertificate, chain, _) =>
        {
            peerIntermediates.Remember(clientCertificate, chain);
            return true;
        },
        SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        CheckCertificateRevocation = false,
    });
}
