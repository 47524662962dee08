using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;

namespace VmLifecycle.LocalCluster.Aggregation.Transport;

/// <summary>
/// One TLS connection to a backend (TCP_NODELAY: requests and answers are small and latency-bound); reads go through a
/// buffer, writes straight to TLS (safe to use both at once). Kept alive between requests by <see cref="BackendHttpClient"/>.
/// </summary>
internal sealed class BackendConnection : IAsyncDisposable
{
    private readonly Socket _socket;

    private BackendConnection(Socket socket, SslStream tls)
    {
        _socket = socket;
        Tls = tls;
        Reader = new BufferedStream(tls, 16 * 1024);
    }

    public SslStream Tls { get; }

    public Stream Reader { get; }

    /// <summary>When the connection last went back to the pool (Stopwatch timestamp).</summary>
    public long IdleSince { get; set; } = Stopwatch.GetTimestamp();

    public static async Task<BackendConnection> OpenAsync(Uri address, SslClientAuthenticationOptions tlsOptions, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new DnsEndPoint(address.Host, address.Port), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var tls = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsClientAsync(tlsOptions, cancellationToken).ConfigureAwait(false);
            return new BackendConnection(socket, tls);
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Whether an idle connection can carry another request: nothing may be readable on it (an idle HTTP/1.1
    /// connection that is readable was closed by the peer, or sent something it should not have).
    /// </summary>
    public bool LooksReusable()
    {
        try
        {
            return _socket.Connected && !_socket.Poll(0, SelectMode.SelectRead);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Reader.DisposeAsync().ConfigureAwait(false);
        await Tls.DisposeAsync().ConfigureAwait(false);
    }
}
