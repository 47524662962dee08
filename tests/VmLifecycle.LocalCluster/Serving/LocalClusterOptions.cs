namespace VmLifecycle.LocalCluster.Serving;

/// <summary>
/// How the local cluster runs (configuration section <c>LocalCluster</c>; command line switches in
/// <see cref="LocalClusterApp.SwitchMappings"/>).
/// </summary>
internal sealed class LocalClusterOptions
{
    public const string Section = "LocalCluster";

    /// <summary>The address to listen on.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>The HTTPS port; 0 picks a free port (the kubeconfig is written once it is known).</summary>
    public int Port { get; set; } = 6443;

    /// <summary>Where the PKI (<c>Pki/</c>) and, by default, the kubeconfig are kept.</summary>
    public string DataDirectory { get; set; } = ".local/cluster";

    /// <summary>Where to write the admin kubeconfig; <c>DATA/kubeconfig</c> when empty.</summary>
    public string? KubeconfigPath { get; set; }

    /// <summary>A static token file (<c>token,user,uid,"group1,group2"</c>) for bearer authentication.</summary>
    public string? TokenFile { get; set; }

    /// <summary>
    /// Requests without credentials run as system:anonymous in group system:unauthenticated and RBAC decides
    /// (kube-apiserver's --anonymous-auth, on by default); when off they get 401.
    /// </summary>
    public bool AnonymousAuth { get; set; } = true;

    /// <summary>
    /// Where the services of APIServices are, as <c>namespace/name=https://host:port</c> (there are no Services or
    /// endpoints in the local cluster); <c>--aggregated-backend</c>, repeatable.
    /// </summary>
    public IList<string> AggregatedBackends { get; } = [];

    /// <summary>A file to keep the cluster state in, so that a restart loses nothing; in memory only when empty.</summary>
    public string? StateFile { get; set; }

    /// <summary>Directories whose CRD manifests (*.yaml, *.yml, *.json) are applied at start.</summary>
    public IList<string> CrdDirectories { get; } = [];

    /// <summary>How many changes are remembered for watches that resume from a resourceVersion.</summary>
    public int WatchHistorySize { get; set; } = 10_000;

    /// <summary>How often a watch that allows bookmarks receives one.</summary>
    public TimeSpan BookmarkInterval { get; set; } = TimeSpan.FromSeconds(30);

    public string ResolvedKubeconfigPath => string.IsNullOrEmpty(KubeconfigPath) ? Path.Combine(DataDirectory, "kubeconfig") : KubeconfigPath;
}
