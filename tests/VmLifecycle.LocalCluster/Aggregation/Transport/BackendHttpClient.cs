using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace VmLifecycle.LocalCluster.Aggregation.Transport;

/// <summary>
/// A deliberately small HTTP/1.1 client for one extension API server: TLS with the front-proxy client certificate and
/// the APIService's trust, one connection per request. HttpClient is not used because it folds repeated headers into
/// one comma-joined line, while kube-aggregator sends one X-Remote-Group line per group and consumers rely on it.
/// It also hands over the raw connection after 101 Switching Protocols (exec, console, VNC).
/// </summary>
internal sealed class BackendHttpClient(Uri address, string serverName, X509Certificate2 clientCertificate, BackendCertificateValidation validation)
{
    public Uri Address { get; } = address;

    public async Task<BackendResponse> SendAsync(BackendRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var connection = await BackendConnection.OpenAsync(Address, TlsOptions(), cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteRequestAsync(connection.Tls, request, cancellationToken).ConfigureAwait(false);
            return await ReadResponseAsync(connection, request, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private SslClientAuthenticationOptions TlsOptions() => new()
    {
        TargetHost = serverName,
        ClientCertificateContext = SslStreamCertificateContext.Create(clientCertificate, additionalCertificates: null, offline: true),
        RemoteCertificateValidationCallback = (_, certificate, chain, errors) => validation.Validate(certificate, chain, errors),
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        ApplicationProtocols = [SslApplicationProtocol.Http11],
    };

    private async Task WriteRequestAsync(Stream tls, BackendRequest request, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"{request.Method} {request.PathAndQuery} HTTP/1.1\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Host: {Address.Authority}\r\n");
        foreach (var (name, value) in request.Headers.Where(h => IsSafe(h.Key) && IsSafe(h.Value)))
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        if (request.Body is not null)
        {
            head.Append(request.BodyLength is { } length
                ? string.Create(CultureInfo.InvariantCulture, $"Content-Length: {length}\r\n")
                : "Transfer-Encoding: chunked\r\n");
        }

        head.Append(request.Upgrade ? "Connection: Upgrade\r\n\r\n" : "Connection: close\r\n\r\n");
        await tls.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), cancellationToken).ConfigureAwait(false);
        if (request.Body is not null)
        {
            await (request.BodyLength is null
                ? WriteChunkedAsync(request.Body, tls, cancellationToken)
                : request.Body.CopyToAsync(tls, cancellationToken)).ConfigureAwait(false);
        }

        await tls.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteChunkedAsync(Stream body, Stream tls, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await tls.WriteAsync(Encoding.ASCII.GetBytes($"{read:X}\r\n"), cancellationToken).ConfigureAwait(false);
            await tls.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            await tls.WriteAsync("\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        }

        await tls.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<BackendResponse> ReadResponseAsync(BackendConnection connection, BackendRequest request, CancellationToken cancellationToken)
    {
        while (true)
        {
            var statusLine = await HttpLineReader.ReadLineAsync(connection.Reader, cancellationToken).ConfigureAwait(false)
                ?? throw new IOException("The backend closed the connection without answering.");
            var parts = statusLine.Split(' ', 3);
            if (parts.Length < 2 || !parts[0].StartsWith("HTTP/1.", StringComparison.Ordinal)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            {
                throw new IOException($"Malformed status line from the backend: \"{statusLine}\".");
            }

            var headers = new List<KeyValuePair<string, string>>();
            string? line;
            while (!string.IsNullOrEmpty(line = await HttpLineReader.ReadLineAsync(connection.Reader, cancellationToken).ConfigureAwait(false)))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
                }
            }

            if (status is >= 100 and < 200 && status != StatusCodes.Status101SwitchingProtocols)
            {
                continue;
            }

            return new BackendResponse(status, headers, Body(connection.Reader, request, status, headers), connection.Reader, connection.Tls, connection);
        }
    }

    private static Stream Body(Stream reader, BackendRequest request, int status, List<KeyValuePair<string, string>> headers)
    {
        if (request.Method == HttpMethods.Head || status is StatusCodes.Status204NoContent or StatusCodes.Status304NotModified or < 200)
        {
            return Stream.Null;
        }

        if (headers.Any(h => h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
            && h.Value.Contains("chunked", StringComparison.OrdinalIgnoreCase)))
        {
            return new ChunkedReadStream(reader);
        }

        var length = headers.FirstOrDefault(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
        return long.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            ? new LengthLimitedReadStream(reader, bytes)
            : reader;
    }

    private static bool IsSafe(string text) => !text.Contains('\r', StringComparison.Ordinal) && !text.Contains('\n', StringComparison.Ordinal);
}
