using System.Diagnostics;
using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace VmLifecycle.LocalCluster.Aggregation.Transport;

/// <summary>
/// A deliberately small HTTP/1.1 client for one extension API server: TLS with the front-proxy client certificate and
/// the APIService's trust, and a pool of kept-alive connections (as kube-aggregator's transport keeps its connections
/// to a backend), so a request costs no TCP or TLS handshake once the pool is warm. HttpClient is not used because it
/// folds repeated headers into one comma-joined line, while kube-aggregator sends one X-Remote-Group line per group and
/// consumers rely on it. It also hands over the raw connection after 101 Switching Protocols (exec, console, VNC);
/// such a connection, one whose answer was not read to its end, or one the backend asked to close, is not reused.
/// </summary>
internal sealed class BackendHttpClient(Uri address, string serverName, X509Certificate2 clientCertificate, BackendCertificateValidation validation)
    : IAsyncDisposable
{
    /// <summary>How long a connection may stay idle in the pool (below Kestrel's and Go's keep-alive timeouts).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Bodies up to this size are read before sending, so that a request can be sent again on a fresh connection.</summary>
    private const int ReplayableBodyLimit = 64 * 1024;
    private const int MaxIdleConnections = 32;

    private readonly Lock _lock = new();
    private readonly Stack<BackendConnection> _idle = new();
    private readonly Lazy<SslStreamCertificateContext> _clientCertificateContext = new(
        () => SslStreamCertificateContext.Create(clientCertificate, additionalCertificates: null, offline: true));
    private bool _disposed;
    private int _connectionsOpened;

    public Uri Address { get; } = address;

    /// <summary>Connections opened so far (TCP and TLS handshakes); a warm pool opens none per request.</summary>
    public int ConnectionsOpened => Volatile.Read(ref _connectionsOpened);

    public async Task<BackendResponse> SendAsync(BackendRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Body is not null && request.BodyLength is >= 0 and <= ReplayableBodyLimit)
        {
            var body = new byte[request.BodyLength.Value];
            await request.Body.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
            request = request with { Body = new MemoryStream(body, writable: false) };
        }

        var replayable = request.Body is null or MemoryStream;
        while (true)
        {
            var connection = request.Upgrade ? null : TakeIdle();
            var reused = connection is not null;
            connection ??= await OpenAsync(cancellationToken).ConfigureAwait(false);
            var sent = false;
            try
            {
                if (request.Body is MemoryStream buffered)
                {
                    buffered.Position = 0;
                }

                await WriteRequestAsync(connection.Tls, request, cancellationToken).ConfigureAwait(false);
                sent = true;
                return await ReadResponseAsync(connection, request, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e) when (reused && replayable && (!sent || (e is StaleConnectionException && IsIdempotent(request.Method)))
                && !cancellationToken.IsCancellationRequested)
            {
                // The backend closed the kept-alive connection (an idle close racing ours) before the request was written,
                // or before it answered a request that may safely run twice: it goes again on a fresh connection, as Go's
                // transport retries. A PUT, POST, PATCH or DELETE the backend may have received is never sent twice.
                await connection.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>Closes the idle connections; connections in use are closed when their answers are done.</summary>
    public async ValueTask DisposeAsync()
    {
        BackendConnection[] idle;
        lock (_lock)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }

        foreach (var connection in idle)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private BackendConnection? TakeIdle()
    {
        List<BackendConnection>? stale = null;
        BackendConnection? usable = null;
        lock (_lock)
        {
            while (_idle.TryPop(out var candidate))
            {
                if (Stopwatch.GetElapsedTime(candidate.IdleSince) < IdleTimeout && candidate.LooksReusable())
                {
                    usable = candidate;
                    break;
                }

                (stale ??= []).Add(candidate);
            }
        }

        foreach (var connection in stale ?? [])
        {
            _ = connection.DisposeAsync().AsTask();
        }

        return usable;
    }

    /// <summary>Back to the pool when the answer was read to its end and the backend keeps the connection; closed otherwise.</summary>
    private async ValueTask ReleaseAsync(BackendConnection connection, bool reusable)
    {
        if (reusable)
        {
            connection.IdleSince = Stopwatch.GetTimestamp();
            lock (_lock)
            {
                if (!_disposed && _idle.Count < MaxIdleConnections)
                {
                    _idle.Push(connection);
                    return;
                }
            }
        }

        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<BackendConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await BackendConnection.OpenAsync(Address, TlsOptions(), cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _connectionsOpened);
        return connection;
    }

    private SslClientAuthenticationOptions TlsOptions() => new()
    {
        TargetHost = serverName,
        ClientCertificateContext = _clientCertificateContext.Value,
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

        head.Append(request.Upgrade ? "Connection: Upgrade\r\n\r\n" : "\r\n");
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

    private async Task<BackendResponse> ReadResponseAsync(BackendConnection connection, BackendRequest request, CancellationToken cancellationToken)
    {
        var first = true;
        while (true)
        {
            string? statusLine;
            try
            {
                statusLine = await HttpLineReader.ReadLineAsync(connection.Reader, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e) when (first)
            {
                throw new StaleConnectionException("The backend closed the connection without answering.", e);
            }

            if (statusLine is null)
            {
                throw first
                    ? new StaleConnectionException("The backend closed the connection without answering.")
                    : new IOException("The backend closed the connection without answering.");
            }

            first = false;
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

            var body = Body(connection.Reader, request, status, headers);
            var keepAlive = !request.Upgrade && status != StatusCodes.Status101SwitchingProtocols
                && parts[0] == "HTTP/1.1"
                && !headers.Any(h => h.Key.Equals("Connection", StringComparison.OrdinalIgnoreCase) && h.Value.Contains("close", StringComparison.OrdinalIgnoreCase));
            var lease = new ConnectionLease(this, connection, body, keepAlive);
            return new BackendResponse(status, headers, body, connection.Reader, connection.Tls, lease);
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

    /// <summary>The methods Go's transport replays after a kept-alive connection failed (<c>Request.isReplayable</c>).</summary>
    private static bool IsIdempotent(string method) =>
        method is "GET" or "HEAD" or "OPTIONS" or "TRACE";

    private static bool IsSafe(string text) => !text.Contains('\r', StringComparison.Ordinal) && !text.Contains('\n', StringComparison.Ordinal);

    /// <summary>The backend closed a kept-alive connection before answering anything.</summary>
    private sealed class StaleConnectionException : IOException
    {
        public StaleConnectionException(string message)
            : base(message)
        {
        }

        public StaleConnectionException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }

    /// <summary>Ends one request's use of a connection: back to the pool when its answer was read to the end.</summary>
    private sealed class ConnectionLease(BackendHttpClient owner, BackendConnection connection, Stream body, bool keepAlive) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return ValueTask.CompletedTask;
            }

            var complete = body switch
            {
                LengthLimitedReadStream limited => limited.Completed,
                ChunkedReadStream chunked => chunked.Completed,
                _ => body == Stream.Null,
            };
            return owner.ReleaseAsync(connection, keepAlive && complete);
        }
    }
}
