namespace VmLifecycle.KubectlPlugin.Cli;

/// <summary>Every flag of kubectl-virt: kubectl's connection flags (valid for every command) and the commands' own flags.</summary>
internal static class Flags
{
    public static readonly FlagDefinition Help = new("help", 'h', FlagKind.Boolean, "help for this command");
    public static readonly FlagDefinition Kubeconfig = new("kubeconfig", null, FlagKind.Value, "Path to the kubeconfig file to use for CLI requests.");
    public static readonly FlagDefinition Context = new("context", null, FlagKind.Value, "The name of the kubeconfig context to use");
    public static readonly FlagDefinition Cluster = new("cluster", null, FlagKind.Value, "The name of the kubeconfig cluster to use");
    public static readonly FlagDefinition User = new("user", null, FlagKind.Value, "The name of the kubeconfig user to use");
    public static readonly FlagDefinition Namespace = new("namespace", 'n', FlagKind.Value, "If present, the namespace scope for this CLI request");
    public static readonly FlagDefinition As = new("as", null, FlagKind.Value, "Username to impersonate for the operation.");
    public static readonly FlagDefinition AsGroup = new("as-group", null, FlagKind.Value, "Group to impersonate for the operation, this flag can be repeated to specify multiple groups.", "stringArray");
    public static readonly FlagDefinition RequestTimeout = new("request-timeout", null, FlagKind.Value, "The length of time to wait before giving up on a single server request (e.g. 1s, 2m, 3h; 0 means no timeout).");
    public static readonly FlagDefinition Server = new("server", 's', FlagKind.Value, "The address and port of the Kubernetes API server");
    public static readonly FlagDefinition InsecureSkipTlsVerify = new("insecure-skip-tls-verify", null, FlagKind.Boolean, "If true, the server's certificate will not be checked for validity.");
    public static readonly FlagDefinition CertificateAuthority = new("certificate-authority", null, FlagKind.Value, "Path to a cert file for the certificate authority");
    public static readonly FlagDefinition ClientCertificate = new("client-certificate", null, FlagKind.Value, "Path to a client certificate file for TLS");
    public static readonly FlagDefinition ClientKey = new("client-key", null, FlagKind.Value, "Path to a client key file for TLS");
    public static readonly FlagDefinition Token = new("token", null, FlagKind.Value, "Bearer token for authentication to the API server");

    public static readonly FlagDefinition Paused = new("paused", null, FlagKind.Boolean, "If set to true, start virtual machine in paused state");
    public static readonly FlagDefinition DryRun = new("dry-run", null, FlagKind.Boolean, "--dry-run=false: Flag used to set whether to perform a dry run or not. If true the command will be executed without performing any changes.");
    public static readonly FlagDefinition Force = new("force", null, FlagKind.Boolean, "--force: Only used when grace-period=0. If true, immediately remove VMI pod from API and bypass graceful deletion. Note that immediate deletion of some resources may break consistency or require reconfiguration.");
    public static readonly FlagDefinition GracePeriod = new("grace-period", null, FlagKind.Value, "--grace-period=-1: Period of time in seconds given to the VMI to terminate gracefully. Can only be set to 0 when --force is true (force deletion). Currently only setting 0 is supported.", "int");
    public static readonly FlagDefinition Wait = new("wait", null, FlagKind.OptionalValue, "Wait until the requested state is reached (default 5m0s when given without a duration).", "duration");
    public static readonly FlagDefinition ClientOnly = new("client", null, FlagKind.Boolean, "Client version only (no server required).");

    /// <summary>The connection flags, accepted by every command as kubectl accepts them.</summary>
    public static readonly IReadOnlyList<FlagDefinition> Global =
    [
        Help, Kubeconfig, Context, Cluster, User, Namespace, As, AsGroup, RequestTimeout, Server, InsecureSkipTlsVerify,
        CertificateAuthority, ClientCertificate, ClientKey, Token,
    ];

    /// <summary>The commands' own flags.</summary>
    public static readonly IReadOnlyList<FlagDefinition> CommandSpecific = [Paused, DryRun, Force, GracePeriod, Wait, ClientOnly];
}
