using System.Globalization;
using k8s.KubeConfigModels;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VmLifecycle.Api.Kubeconfig;

/// <summary>
/// Reads one kubeconfig file into KubernetesClient's model, the fields it models under their kubeconfig names (unknown
/// fields, extensions and preferences ignored, as there). It walks YamlDotNet's node tree instead of going through
/// KubernetesClient's deserializer, whose static serializer and deserializer builders (regular expressions, type
/// inspectors, an asynchronous read on the thread pool) cost a CLI more at start than the whole file is worth, and whose
/// reflection over the whole model costs a long-running server ~30 MiB. An empty file is an empty configuration, as for
/// kubectl. Compiled into the NativeAOT plugin as well as into the server components (it uses only the kubeconfig model,
/// which KubernetesClient and KubernetesClient.Aot share).
/// </summary>
internal static class KubeconfigReader
{
    /// <summary>Reads <paramref name="path"/>; throws <see cref="YamlException"/> or <see cref="FormatException"/> for a malformed file.</summary>
    public static K8SConfiguration Read(string path) => Parse(File.ReadAllText(path));

    /// <summary>Parses kubeconfig YAML text.</summary>
    public static K8SConfiguration Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = stream.Documents.Count == 0 ? null : Mapping(stream.Documents[0].RootNode, "the kubeconfig");
        var config = new K8SConfiguration
        {
            ApiVersion = Text(root, "apiVersion"),
            Kind = Text(root, "kind"),
            CurrentContext = Text(root, "current-context"),
            Clusters = Entries(root, "clusters", "cluster", (name, node) => new Cluster { Name = name, ClusterEndpoint = node is null ? null : ReadCluster(node) }),
            Users = Entries(root, "users", "user", (name, node) => new User { Name = name, UserCredentials = node is null ? null : ReadUser(node) }),
            Contexts = Entries(root, "contexts", "context", (name, node) => new Context { Name = name, ContextDetails = node is null ? null : ReadContext(node) }),
        };
        return config;
    }

    private static ClusterEndpoint ReadCluster(YamlMappingNode node) => new()
    {
        Server = Text(node, "server"),
        CertificateAuthority = Text(node, "certificate-authority"),
        CertificateAuthorityData = Text(node, "certificate-authority-data"),
        SkipTlsVerify = Flag(node, "insecure-skip-tls-verify"),
        TlsServerName = Text(node, "tls-server-name"),
    };

    private static UserCredentials ReadUser(YamlMappingNode node) => new()
    {
        ClientCertificate = Text(node, "client-certificate"),
        ClientCertificateData = Text(node, "client-certificate-data"),
        ClientKey = Text(node, "client-key"),
        ClientKeyData = Text(node, "client-key-data"),
        Token = Text(node, "token"),
        UserName = Text(node, "username"),
        Password = Text(node, "password"),
        Impersonate = Text(node, "as"),
        ImpersonateGroups = Texts(node, "as-groups"),
        ImpersonateUserExtra = Scalars(node, "as-user-extra"),
        AuthProvider = Child(node, "auth-provider") is { } provider
            ? new AuthProvider { Name = Text(provider, "name"), Config = Scalars(provider, "config") }
            : null,
        ExternalExecution = Child(node, "exec") is { } exec ? ReadExec(exec) : null,
    };

    private static ExternalExecution ReadExec(YamlMappingNode node) => new()
    {
        ApiVersion = Text(node, "apiVersion"),
        Command = Text(node, "command"),
        Arguments = Texts(node, "args"),
        EnvironmentVariables = Sequence(node, "env")?.Select(entry => Scalars(Mapping(entry, "exec.env")) ?? new Dictionary<string, string>(StringComparer.Ordinal)).ToList(),
        InstallHint = Text(node, "installHint"),
        ProvideClusterInfo = Flag(node, "provideClusterInfo"),
    };

    private static ContextDetails ReadContext(YamlMappingNode node) => new()
    {
        Cluster = Text(node, "cluster"),
        User = Text(node, "user"),
        Namespace = Text(node, "namespace"),
    };

    /// <summary>A list of named entries (<c>- name: N</c> with the body under <paramref name="body"/>); null when absent.</summary>
    private static List<T>? Entries<T>(YamlMappingNode? parent, string key, string body, Func<string?, YamlMappingNode?, T> create) =>
        Sequence(parent, key)?.Select(entry =>
        {
            var mapping = Mapping(entry, key);
            return create(Text(mapping, "name"), Child(mapping, body));
        }).ToList();

    private static YamlNode? Value(YamlMappingNode? parent, string key)
    {
        if (parent is null)
        {
            return null;
        }

        foreach (var (name, value) in parent.Children)
        {
            if (name is YamlScalarNode { Value: { } text } && text == key)
            {
                return IsNull(value) ? null : value;
            }
        }

        return null;
    }

    private static YamlMappingNode? Child(YamlMappingNode? parent, string key) => Value(parent, key) is { } node ? Mapping(node, key) : null;

    private static YamlSequenceNode? Sequence(YamlMappingNode? parent, string key) => Value(parent, key) switch
    {
        null => null,
        YamlSequenceNode sequence => sequence,
        var other => throw Mismatch(other, key, "a list"),
    };

    private static YamlMappingNode? Mapping(YamlNode? node, string what) => node switch
    {
        null => null,
        _ when IsNull(node) => null,
        YamlMappingNode mapping => mapping,
        _ => throw Mismatch(node, what, "a map"),
    };

    private static string? Text(YamlMappingNode? parent, string key) => Value(parent, key) switch
    {
        null => null,
        YamlScalarNode scalar => scalar.Value,
        var other => throw Mismatch(other, key, "a string"),
    };

    private static List<string>? Texts(YamlMappingNode? parent, string key) =>
        Sequence(parent, key)?.Select(item => item is YamlScalarNode { Value: { } text } ? text : throw Mismatch(item, key, "a list of strings")).ToList();

    /// <summary>A map's string values (entries whose value is not a string, such as kubectl's lists in as-user-extra, are left out).</summary>
    private static Dictionary<string, string>? Scalars(YamlMappingNode? parent, string key) => Scalars(Child(parent, key));

    private static Dictionary<string, string>? Scalars(YamlMappingNode? mapping)
    {
        if (mapping is null)
        {
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in mapping.Children)
        {
            if (name is YamlScalarNode { Value: { } text } && value is YamlScalarNode { Value: { } scalar } && !IsNull(value))
            {
                result[text] = scalar;
            }
        }

        return result;
    }

    /// <summary>A YAML boolean (true/false, and YAML 1.1's yes/no/on/off, as Go's YAML reader takes them); false when absent.</summary>
    private static bool Flag(YamlMappingNode? parent, string key) => Text(parent, key)?.ToLowerInvariant() switch
    {
        null => false,
        "true" or "yes" or "on" or "y" => true,
        "false" or "no" or "off" or "n" => false,
        var other => throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{key}: cannot parse \"{other}\" as a boolean")),
    };

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static FormatException Mismatch(YamlNode node, string key, string expected) =>
        new(string.Create(CultureInfo.InvariantCulture, $"(line {node.Start.Line}) {key}: expected {expected}"));
}
