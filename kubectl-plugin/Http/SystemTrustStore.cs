using System.Runtime.InteropServices;
using k8s;

namespace VmLifecycle.KubectlPlugin.Http;

/// <summary>
/// Keeps the machine's trust store out of a connection whose kubeconfig names its own certificate authority, as kubectl
/// does (client-go puts only that CA in the pool of roots). On Linux, .NET builds an X509 chain for every TLS handshake
/// and the first one loads every certificate under /etc/ssl (the bundle, then each file of the directory): for a process
/// that makes one request, that is a large part of its run. The store is located through SSL_CERT_FILE and SSL_CERT_DIR,
/// read natively when it is first loaded, so pointing them at nothing before the first handshake leaves it empty; the
/// server's chain is then checked against the kubeconfig's CA alone (<see cref="ClusterTransport"/> does that).
/// Only the plugin's own process does this (<see cref="Enabled"/> is set by its entry point), never a host such as the tests.
/// </summary>
internal static partial class SystemTrustStore
{
    private const string Nowhere = "/nonexistent/kubectl-virt-no-system-roots";

    /// <summary>Whether <see cref="ApplyTo"/> may change the process environment.</summary>
    public static bool Enabled { get; set; }

    /// <summary>Whether the machine's roots play no part in verifying this connection's server.</summary>
    public static bool IsUnused(KubernetesClientConfiguration connection) =>
        !connection.SkipTlsVerify && connection.SslCaCerts is { Count: > 0 }
        && Uri.TryCreate(connection.Host, UriKind.Absolute, out var server) && server.Scheme == Uri.UriSchemeHttps;

    /// <summary>Leaves the machine's trust store unloaded when <paramref name="connection"/> does not need it (Linux only).</summary>
    public static void ApplyTo(KubernetesClientConfiguration connection)
    {
        if (!Enabled || !OperatingSystem.IsLinux() || !IsUnused(connection))
        {
            return;
        }

        _ = SetEnvironmentVariable("SSL_CERT_FILE", Nowhere, 1);
        _ = SetEnvironmentVariable("SSL_CERT_DIR", Nowhere, 1);
    }

    // Environment.SetEnvironmentVariable only changes .NET's own copy on Unix; the store is located natively.
    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvironmentVariable(string name, string value, int overwrite);
}
