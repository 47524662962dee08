using System.Security.Cryptography.X509Certificates;

namespace VmLifecycle.LocalCluster.Security.Authentication;

/// <summary>What kube-apiserver takes as --client-ca-file, --token-auth-file and --anonymous-auth.</summary>
internal sealed class ClusterAuthenticationOptions
{
    /// <summary>CAs a client certificate must chain to (CN = user, O = groups). Empty: client certificates are not accepted.</summary>
    public X509Certificate2Collection ClientCaCertificates { get; init; } = [];

    /// <summary>A static token file in kube-apiserver's CSV format (token,user,uid,"group1,group2"); null for none.</summary>
    public string? TokenFilePath { get; init; }

    /// <summary>
    /// Requests without credentials become system:anonymous (group system:unauthenticated) instead of a 401,
    /// like --anonymous-auth=true; off, they get 401 Unauthorized. The local cluster turns it on from
    /// <see cref="Serving.LocalClusterOptions.AnonymousAuth"/> (default true, as kube-apiserver).
    /// </summary>
    public bool AllowAnonymous { get; init; }
}
