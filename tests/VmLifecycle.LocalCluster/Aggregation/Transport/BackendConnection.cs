using System.Net;
using System.Net.Security;
using System.Net.Sockets;

namespace VmLifecycle.LocalCluster.Aggregation.Transport;

/// <summary>One TLS connection to a backend; reads go through a buffer, writes straight to TLS (safe to use both at once).</summary>
internal sealed class BackendConnection : IAsyncDisposable
{
    private BackendConnection(SslStream tls)
    {
        Tls = tls;
        Reader = new BufferedStream(tls, 16 * 1024);
    }

    public SslStream Tls { get; }

    public Stream Reader { get; }

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
            return new BackendConnection(tls);
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Reader.DisposeAsync().ConfigureAwait(false);
        await Tls.DisposeAsync().ConfigureAwait(false);
    }
}
