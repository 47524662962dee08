using System.Net.Sockets;
using VmLifecycle.KubectlPlugin.Http;

namespace VmLifecycle.KubectlPlugin.Commands;

/// <summary>Runs a request and turns its failure into virtctl's error line: the command's prefix and the server's message.</summary>
internal static class ServerCall
{
    public static async Task RunAsync(Func<Task> call, Func<string, string> describeFailure)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (ApiException e)
        {
            throw new CommandFailedException(describeFailure(e.Message));
        }
        catch (HttpRequestException e)
        {
            throw new CommandFailedException(describeFailure(Describe(e)));
        }
    }

    /// <summary>
    /// A transport failure in words, from its kind and socket error rather than the runtime's messages (the plugin is
    /// published with UseSystemResourceKeys, which leaves those as resource keys); kubectl's "Unable to connect to the
    /// server" leads, as kubectl prints it for the same failures.
    /// </summary>
    public static string Describe(HttpRequestException exception)
    {
        var cause = exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "no such host",
            HttpRequestError.ConnectionError => exception.InnerException is SocketException socket ? "connect: " + Describe(socket.SocketErrorCode) : "the connection failed",
            HttpRequestError.SecureConnectionError => "TLS handshake failed (is the server's certificate signed by the configured certificate authority?)",
            HttpRequestError.ResponseEnded => "EOF: the server closed the connection before it answered",
            HttpRequestError.InvalidResponse => "the server's answer is not valid HTTP",
            HttpRequestError.ProxyTunnelError => "the proxy refused the tunnel",
            HttpRequestError.HttpProtocolError => "HTTP protocol error",
            _ => null,
        };
        return cause is null ? exception.Message : "Unable to connect to the server: " + cause;
    }

    private static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.TimedOut => "i/o timeout",
        SocketError.HostUnreachable => "no route to host",
        SocketError.NetworkUnreachable => "network is unreachable",
        SocketError.ConnectionReset => "connection reset by peer",
        SocketError.AccessDenied => "permission denied",
        _ => "socket error " + error,
    };

    /// <summary>The body's dryRun list: ["All"] with --dry-run, absent otherwise.</summary>
    public static List<string>? DryRun(CommandInvocation invocation) => invocation.DryRun ? [Api.Subresources.DryRunValues.All] : null;
}
