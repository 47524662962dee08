using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using VmLifecycle.Aggregator.Serving;

namespace VmLifecycle.Aggregator.NodeHandlerClient;

/// <summary>
/// <see cref="INodeHandlerClient"/> over HTTPS with mutual TLS: presents the aggregator's client certificate and
/// accepts only handler certificates that chain to the configured CA (and, by default, name the endpoint's host).
/// Both files are re-read when they change; pooled connections are recycled so new certificates take effect.
/// </summary>
internal sealed class HttpsNodeHandlerClient : INodeHandlerClient, IDisposable
{
    private readonly PemCertificateFileSource? _clientCertificate;
    private readonly PemCertificateFileSource? _authority;
    private readonly bool _verifyHostname;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;

    public HttpsNodeHandlerClient(IOptions<NodeHandlerClientOptions> options, TimeProvider time, ILogger<HttpsNodeHandlerClient> logger)
    {
        var settings = options.Value;
        _time = time;
        _verifyHostname = settings.VerifyHostname;
        if (!string.IsNullOrEmpty(settings.ClientCertificateFile) && !string.IsNullOrEmpty(settings.ClientKeyFile))
        {
            _clientCertificate = new PemCertificateFileSource(settings.ClientCertificateFile, settings.ClientKeyFile, time, settings.CertificateRecheckInterval, logger);
        }

        if (!string.IsNullOrEmpty(settings.CaFile))
        {
            _authority = new PemCertificateFileSource(settings.CaFile, null, time, settings.CertificateRecheckInterval, logger);
        }

        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AllowAutoRedirect = false,
            UseProxy = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                LocalCertificateSelectionCallback = (_, _, _, _, _) => _clientCertificate?.Current!,
                RemoteCertificateValidationCallback = ValidateHandlerCertificate,
            },
        };
        _http = new HttpClient(handler) { Timeout = settings.Timeout };
    }

    public async Task<NodeHandlerResponse> PutAsync(Uri endpoint, string @namespace, string name, string action, CancellationToken cancellationToken)
    {
        if (_authority is null || _clientCertificate is null)
        {
            throw new NodeHandlerUnreachableException(
                "mutual TLS to the node handlers is not configured (NodeHandler:CaFile, NodeHandler:ClientCertificateFile, NodeHandler:ClientKeyFile)",
                new InvalidOperationException("NodeHandler options missing"));
        }

        using var request = new HttpRequestMessage(HttpMethod.Put, NodeHandlerEndpoint.ActionUri(endpoint, @namespace, name, action))
        {
            Content = new ByteArrayContent([]),
        };
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new NodeHandlerResponse((int)response.StatusCode, response.ReasonPhrase ?? "", body);
        }
        catch (HttpRequestException e)
        {
            throw new NodeHandlerUnreachableException(e.InnerException is AuthenticationException tls ? $"{e.Message} {tls.Message}" : e.Message, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NodeHandlerUnreachableException($"no answer from {endpoint} within {_http.Timeout}", e);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _clientCertificate?.Dispose();
        _authority?.Dispose();
    }

    private bool ValidateHandlerCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || _authority is null || _authority.Bundle.Count == 0)
        {
            return false;
        }

        if (_verifyHostname && errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_authority.Bundle);
        if (chain is not null)
        {
            custom.ChainPolicy.ExtraStore.AddRange(chain.ChainPolicy.ExtraStore);
        }

        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.VerificationTime = _time.GetUtcNow().UtcDateTime;
        return custom.Build(leaf);
    }
}
