using k8s;
using k8s.Authentication;

namespace VmLifecycle.KubectlPlugin.Configuration;

/// <summary>
/// The configuration of a pod, as client-go's rest.InClusterConfig: KUBERNETES_SERVICE_HOST and _PORT, and the mounted
/// service account token (re-read when it rotates), CA and namespace.
/// </summary>
internal static class InClusterConfiguration
{
    private const string HostVariable = "KUBERNETES_SERVICE_HOST";
    private const string PortVariable = "KUBERNETES_SERVICE_PORT";

    public static bool IsAvailable(PluginEnvironment environment) =>
        !string.IsNullOrEmpty(environment.GetVariable(HostVariable))
        && !string.IsNullOrEmpty(environment.GetVariable(PortVariable))
        && File.Exists(Path.Combine(environment.ServiceAccountDirectory, "token"));

    public static ResolvedClientConfiguration Resolve(ConnectionFlags flags, PluginEnvironment environment, TimeSpan? timeout)
    {
        var host = environment.GetVariable(HostVariable)!;
        var port = environment.GetVariable(PortVariable)!;
        var directory = environment.ServiceAccountDirectory;
        var connection = new KubernetesClientConfiguration
        {
            Host = $"https://{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{port}",
            TokenProvider = new TokenFileAuth(Path.Combine(directory, "token")),
            SslCaCerts = [],
        };
        var caFile = Path.Combine(directory, "ca.crt");
        if (File.Exists(caFile))
        {
            try
            {
                connection.SslCaCerts.ImportFromPemFile(caFile);
            }
            catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException)
            {
                throw new ConfigurationException($"unable to load in-cluster configuration: {caFile}: {e.Message}", e);
            }
        }

        var namespaceFile = Path.Combine(directory, "namespace");
        var mounted = File.Exists(namespaceFile) ? File.ReadAllText(namespaceFile).Trim() : "";
        var ns = flags.Namespace ?? (mounted.Length > 0 ? mounted : ClientConfigurationResolver.DefaultNamespace);
        return new ResolvedClientConfiguration(connection, ns, flags.ImpersonateUser, flags.ImpersonateGroups, timeout);
    }
}
