using System.Globalization;
using k8s;
using k8s.KubeConfigModels;
using VmLifecycle.KubectlPlugin.Cli;

namespace VmLifecycle.KubectlPlugin.Configuration;

/// <summary>
/// Turns kubeconfig files, flags and the pod environment into a client configuration with kubectl's precedence:
/// flags over the selected context's cluster and user, over in-cluster configuration. It never falls back to
/// http://localhost:8080 (KubernetesClient's BuildDefaultConfig does); it fails with kubectl's message instead.
/// </summary>
internal static class ClientConfigurationResolver
{
    public const string DefaultNamespace = "default";
    public const string NoConfigurationMessage = "invalid configuration: no configuration has been provided, try setting KUBERNETES_MASTER environment variable";
    private const string SelectedName = "kubectl-virt";

    public static ResolvedClientConfiguration Resolve(ConnectionFlags flags, PluginEnvironment environment)
    {
        var merged = KubeconfigFiles.LoadMerged(KubeconfigFiles.Locate(flags.Kubeconfig, environment));
        var timeout = ParseTimeout(flags.RequestTimeout);
        if (merged is null && flags.Server is null && InClusterConfiguration.IsAvailable(environment))
        {
            return InClusterConfiguration.Resolve(flags, environment, timeout);
        }

        merged ??= new K8SConfiguration();
        var contextName = flags.Context ?? merged.CurrentContext;
        ContextDetails? context = null;
        if (!string.IsNullOrEmpty(contextName))
        {
            context = merged.Contexts?.FirstOrDefault(c => c.Name == contextName)?.ContextDetails;
            if (context is null && flags.Context is not null)
            {
                throw new ConfigurationException($"context \"{contextName}\" does not exist");
            }
        }

        var clusterName = flags.Cluster ?? context?.Cluster;
        var userName = flags.User ?? context?.User;
        var cluster = Copy(merged.Clusters?.FirstOrDefault(c => c.Name == clusterName)?.ClusterEndpoint);
        var user = Copy(merged.Users?.FirstOrDefault(u => u.Name == userName)?.UserCredentials);
        if (flags.Cluster is not null && cluster is null)
        {
            throw new ConfigurationException($"cluster \"{flags.Cluster}\" does not exist");
        }

        if (flags.User is not null && user is null)
        {
            throw new ConfigurationException($"auth info \"{flags.User}\" does not exist");
        }

        cluster ??= new ClusterEndpoint();
        user ??= new UserCredentials();
        ApplyOverrides(flags, cluster, user);
        if (string.IsNullOrEmpty(cluster.Server))
        {
            throw new ConfigurationException(merged.Clusters is { Count: > 0 } || context is not null
                ? "invalid configuration: cluster has no server defined"
                : NoConfigurationMessage);
        }

        var connection = Build(cluster, user);
        var impersonateUser = flags.ImpersonateUser ?? NonEmpty(user.Impersonate);
        var impersonateGroups = flags.ImpersonateGroups.Count > 0 || flags.ImpersonateUser is not null
            ? flags.ImpersonateGroups
            : (IReadOnlyList<string>)(user.ImpersonateGroups?.ToList() ?? []);
        if (impersonateUser is null && impersonateGroups.Count > 0)
        {
            throw new ConfigurationException("requesting uid, groups or user-extra for  without impersonating a user");
        }

        var ns = flags.Namespace ?? NonEmpty(context?.Namespace) ?? DefaultNamespace;
        return new ResolvedClientConfiguration(connection, ns, impersonateUser, impersonateGroups, timeout);
    }

    /// <summary>Parses --request-timeout: a bare number is seconds, otherwise a Go duration; 0 means none.</summary>
    public static TimeSpan? ParseTimeout(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds == 0 ? null : TimeSpan.FromSeconds(seconds);
        }

        return GoDuration.TryParse(text, out var duration)
            ? duration == TimeSpan.Zero ? null : duration
            : throw new ConfigurationException("Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)");
    }

    private static void ApplyOverrides(ConnectionFlags flags, ClusterEndpoint cluster, UserCredentials user)
    {
        if (flags.Server is not null)
        {
            cluster.Server = flags.Server;
        }

        if (flags.CertificateAuthority is not null)
        {
            cluster.CertificateAuthority = Path.GetFullPath(flags.CertificateAuthority);
            cluster.CertificateAuthorityData = null;
        }

        if (flags.InsecureSkipTlsVerify is { } insecure)
        {
            cluster.SkipTlsVerify = insecure;
            if (insecure && flags.CertificateAuthority is null)
            {
                cluster.CertificateAuthority = null;
                cluster.CertificateAuthorityData = null;
            }
        }

        if (cluster.SkipTlsVerify && (cluster.CertificateAuthority is not null || cluster.CertificateAuthorityData is not null))
        {
            throw new ConfigurationException("specifying a root certificates file with the insecure flag is not allowed");
        }

        if (flags.ClientCertificate is not null)
        {
            user.ClientCertificate = Path.GetFullPath(flags.ClientCertificate);
            user.ClientCertificateData = null;
        }

        if (flags.ClientKey is not null)
        {
            user.ClientKey = Path.GetFullPath(flags.ClientKey);
            user.ClientKeyData = null;
        }

        if (flags.Token is not null)
        {
            user.Token = flags.Token;
        }
    }

    private static KubernetesClientConfiguration Build(ClusterEndpoint cluster, UserCredentials user)
    {
        var hasCredentials = user.Token is not null || user.ClientCertificate is not null || user.ClientCertificateData is not null
            || user.UserName is not null || user.ExternalExecution is not null || user.AuthProvider is not null;
        var selected = new K8SConfiguration
        {
            CurrentContext = SelectedName,
            Clusters = [new Cluster { Name = SelectedName, ClusterEndpoint = cluster }],
            Users = hasCredentials ? [new User { Name = SelectedName, UserCredentials = user }] : [],
            Contexts = [new Context { Name = SelectedName, ContextDetails = new ContextDetails { Cluster = SelectedName, User = hasCredentials ? SelectedName : null } }],
        };
        KubernetesClientConfiguration connection;
        try
        {
            connection = KubernetesClientConfiguration.BuildConfigFromConfigObject(selected, SelectedName);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not ConfigurationException)
        {
            throw new ConfigurationException($"invalid configuration: {e.Message}", e);
        }

        // KubernetesClient insists on a CA for https; an empty set means "the system's trust store only".
        if (!connection.SkipTlsVerify && connection.SslCaCerts is null)
        {
            connection.SslCaCerts = [];
        }

        return connection;
    }

    private static ClusterEndpoint? Copy(ClusterEndpoint? source) => source is null ? null : new ClusterEndpoint
    {
        Server = source.Server,
        CertificateAuthority = source.CertificateAuthority,
        CertificateAuthorityData = source.CertificateAuthorityData,
        SkipTlsVerify = source.SkipTlsVerify,
        TlsServerName = source.TlsServerName,
    };

    private static UserCredentials? Copy(UserCredentials? source) => source is null ? null : new UserCredentials
    {
        ClientCertificate = source.ClientCertificate,
        ClientCertificateData = source.ClientCertificateData,
        ClientKey = source.ClientKey,
        ClientKeyData = source.ClientKeyData,
        Token = source.Token,
        UserName = source.UserName,
        Password = source.Password,
        Impersonate = source.Impersonate,
        ImpersonateGroups = source.ImpersonateGroups,
        ImpersonateUserExtra = source.ImpersonateUserExtra,
        AuthProvider = source.AuthProvider,
        ExternalExecution = source.ExternalExecution,
    };

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
