using VmLifecycle.KubectlPlugin.Cli;

namespace VmLifecycle.KubectlPlugin.Configuration;

/// <summary>kubectl's connection flags as given on the command line; null when not given.</summary>
internal sealed record ConnectionFlags
{
    public string? Kubeconfig { get; init; }
    public string? Context { get; init; }
    public string? Cluster { get; init; }
    public string? User { get; init; }
    public string? Namespace { get; init; }
    public string? ImpersonateUser { get; init; }
    public IReadOnlyList<string> ImpersonateGroups { get; init; } = [];
    public string? RequestTimeout { get; init; }
    public string? Server { get; init; }
    public bool? InsecureSkipTlsVerify { get; init; }
    public string? CertificateAuthority { get; init; }
    public string? ClientCertificate { get; init; }
    public string? ClientKey { get; init; }
    public string? Token { get; init; }

    public static ConnectionFlags From(ParsedArguments arguments) => new()
    {
        Kubeconfig = NonEmpty(arguments.Value(Flags.Kubeconfig)),
        Context = NonEmpty(arguments.Value(Flags.Context)),
        Cluster = NonEmpty(arguments.Value(Flags.Cluster)),
        User = NonEmpty(arguments.Value(Flags.User)),
        Namespace = NonEmpty(arguments.Value(Flags.Namespace)),
        ImpersonateUser = NonEmpty(arguments.Value(Flags.As)),
        ImpersonateGroups = arguments.Values(Flags.AsGroup),
        RequestTimeout = NonEmpty(arguments.Value(Flags.RequestTimeout)),
        Server = NonEmpty(arguments.Value(Flags.Server)),
        InsecureSkipTlsVerify = arguments.Has(Flags.InsecureSkipTlsVerify) ? arguments.IsSet(Flags.InsecureSkipTlsVerify) : null,
        CertificateAuthority = NonEmpty(arguments.Value(Flags.CertificateAuthority)),
        ClientCertificate = NonEmpty(arguments.Value(Flags.ClientCertificate)),
        ClientKey = NonEmpty(arguments.Value(Flags.ClientKey)),
        Token = NonEmpty(arguments.Value(Flags.Token)),
    };

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
