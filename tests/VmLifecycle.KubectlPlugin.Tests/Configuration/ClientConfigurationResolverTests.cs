using VmLifecycle.KubectlPlugin.Configuration;
using VmLifecycle.KubectlPlugin.Tests.TestSupport;

namespace VmLifecycle.KubectlPlugin.Tests.Configuration;

public sealed class ClientConfigurationResolverTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private PluginEnvironment Environment(string? kubeconfig = null, string? home = null) => new(
        name => name == KubeconfigFiles.EnvironmentVariable ? kubeconfig : null,
        home ?? Path.Combine(_directory.Path, "home"),
        Path.Combine(_directory.Path, "no-service-account"));

    private string TwoContextsFile(string name, string currentContext, string server, string ns) => _directory.File(name, $"""
        apiVersion: v1
        kind: Config
        current-context: {currentContext}
        clusters:
        - name: shared
          cluster:
            server: {server}
            insecure-skip-tls-verify: true
        - name: only-{name}
          cluster:
            server: {server}/only
            insecure-skip-tls-verify: true
        users:
        - name: shared-user
          user:
            token: token-from-{name}
        contexts:
        - name: shared-context
          context:
            cluster: shared
            user: shared-user
            namespace: {ns}
        - name: ctx-{name}
          context:
            cluster: only-{name}
            user: shared-user
        """);

    [Fact]
    public void Several_kubeconfig_files_merge_with_the_first_file_winning_per_key()
    {
        var first = TwoContextsFile("first", "shared-context", "https://first.example:6443", "ns-first");
        var second = TwoContextsFile("second", "ctx-second", "https://second.example:6443", "ns-second");

        var resolved = ClientConfigurationResolver.Resolve(new ConnectionFlags(), Environment(first + ":" + second));

        Assert.Equal("https://first.example:6443", resolved.Connection.Host.TrimEnd('/'));
        Assert.Equal("token-from-first", resolved.Connection.AccessToken);
        Assert.Equal("ns-first", resolved.Namespace);
    }

    [Fact]
    public void Contexts_found_only_in_a_later_file_are_usable()
    {
        var first = TwoContextsFile("first", "shared-context", "https://first.example:6443", "ns-first");
        var second = TwoContextsFile("second", "ctx-second", "https://second.example:6443", "ns-second");

        var resolved = ClientConfigurationResolver.Resolve(new ConnectionFlags { Context = "ctx-second" }, Environment(first + ":" + second));

        Assert.Equal("https://second.example:6443/only", resolved.Connection.Host.TrimEnd('/'));
        Assert.Equal("default", resolved.Namespace);
    }

    [Fact]
    public void The_current_context_comes_from_the_first_file_that_sets_one()
    {
        var first = _directory.File("empty-context", "apiVersion: v1\nkind: Config\nclusters: []\nusers: []\ncontexts: []\n");
        var second = TwoContextsFile("second", "ctx-second", "https://second.example:6443", "ns-second");

        var resolved = ClientConfigurationResolver.Resolve(new ConnectionFlags(), Environment(first + ":" + second));

        Assert.Equal("https://second.example:6443/only", resolved.Connection.Host.TrimEnd('/'));
    }

    [Fact]
    public void Missing_files_in_KUBECONFIG_are_skipped()
    {
        var real = TwoContextsFile("real", "shared-context", "https://real.example:6443", "ns-real");

        var resolved = ClientConfigurationResolver.Resolve(new ConnectionFlags(), Environment(Path.Combine(_directory.Path, "missing") + ":" + real));

        Assert.Equal("ns-real", resolved.Namespace);
    }

    [Fact]
    public void The_explicit_kubeconfig_flag_wins_over_KUBECONFIG_and_must_exist()
    {
        var fromEnvironment = TwoContextsFile("env", "shared-context", "https://env.example:6443", "ns-env");
        var fromFlag = TwoContextsFile("flag", "shared-context", "https://flag.example:6443", "ns-flag");

        var resolved = ClientConfigurationResolver.Resolve(new ConnectionFlags { Kubeconfig = fromFlag }, Environment(fromEnvironment));
        var missing = Path.Combine(_directory.Path, "nope");
        var error = Assert.Throws<ConfigurationException>(() => ClientConfigurationResolver.Resolve(new ConnectionFlags { Kubeconfig = missing }, Environment()));

        Assert.Equal("ns-flag", resolved.Namespace);
        Assert.Equal($"stat {missing}: no such file or directory", error.Message);
    }

    [Fact]
    public void Home_kube_config_is_the_default()
    {
        var home = Path.Combine(_directory.Path, "home");
        Directory.CreateDirectory(Path.Combine(home, ".kube"));
        File.Copy(TwoContextsFile("for-home", "shared-context", "https://home.example:6443", "ns-home"), Path.Combine(home, ".kube", "config"));

        var resolved = ClientConfigurationResolver.Resolve(new ConnectionFlags(), Environment(home: home));

        Assert.Equal("ns-home", resolved.Namespace);
    }

    [Fact]
    public void Namespace_flag_cluster_and_user_flags_override_the_context()
    {
        var file = TwoContextsFile("one", "shared-context", "https://one.example:6443", "ns-one");

        var resolved = ClientConfigurationResolver.Resolve(
            new ConnectionFlags { Namespace = "flag-ns", Cluster = "only-one", Server = null }, Environment(file));

        Assert.Equal("flag-ns", resolved.Namespace);
        Assert.Equal("https://one.example:6443/only", resolved.Connection.Host.TrimEnd('/'));
    }

    [Fact]
    public void Connection_flags_override_server_and_token()
    {
        var file = TwoContextsFile("one", "shared-context", "https://one.example:6443", "ns-one");

        var resolved = ClientConfigurationResolver.Resolve(
            new ConnectionFlags { Server = "https://other.example:8443", Token = "flag-token", RequestTimeout = "7" }, Environment(file));

        Assert.Equal("https://other.example:8443", resolved.Connection.Host.TrimEnd('/'));
        Assert.Equal("flag-token", resolved.Connection.AccessToken);
        Assert.Equal(TimeSpan.FromSeconds(7), resolved.RequestTimeout);
    }

    [Theory]
    [InlineData("nope", "context \"nope\" does not exist")]
    public void An_unknown_context_fails_with_kubectls_message(string context, string message)
    {
        var file = TwoContextsFile("one", "shared-context", "https://one.example:6443", "ns-one");

        var error = Assert.Throws<ConfigurationException>(() => ClientConfigurationResolver.Resolve(new ConnectionFlags { Context = context }, Environment(file)));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Without_any_configuration_it_fails_instead_of_using_localhost_8080()
    {
        var error = Assert.Throws<ConfigurationException>(() => ClientConfigurationResolver.Resolve(new ConnectionFlags(), Environment()));

        Assert.Equal("invalid configuration: no configuration has been provided, try setting KUBERNETES_MASTER environment variable", error.Message);
    }

    [Fact]
    public void A_server_flag_alone_is_a_complete_configuration()
    {
        var resolved = ClientConfigurationResolver.Resolve(new ConnectionFlags { Server = "https://127.0.0.1:6443", InsecureSkipTlsVerify = true }, Environment());

        Assert.Equal("default", resolved.Namespace);
        Assert.True(resolved.Connection.SkipTlsVerify);
    }

    [Fact]
    public void Relative_certificate_paths_resolve_against_the_file_they_come_from()
    {
        var pki = TestPki.Create(Path.Combine(_directory.Path, "sub", "pki"));
        var file = _directory.File("sub/kubeconfig", KubeconfigYaml.Single(
            "https://127.0.0.1:6443", "pki/ca.crt", clientCertificate: "pki/client.crt", clientKey: "pki/client.key"));
        var other = TwoContextsFile("other", "shared-context", "https://other.example:6443", "x");

        var resolved = ClientConfigurationResolver.Resolve(new ConnectionFlags(), Environment(file + ":" + other));

        Assert.Equal(pki.Ca.Thumbprint, Assert.Single(resolved.Connection.SslCaCerts!).Thumbprint);
        Assert.Equal(pki.ClientCertificateFile, resolved.Connection.ClientCertificateFilePath);
        Assert.Equal(pki.ClientKeyFile, resolved.Connection.ClientKeyFilePath);
    }

    [Fact]
    public void Impersonation_comes_from_the_flags_or_else_from_the_kubeconfig_user()
    {
        var file = _directory.File("as", KubeconfigYaml.Single("https://127.0.0.1:6443", null, token: "t", extraUser: "    as: carol\n    as-groups: [\"team\"]"));

        var fromFile = ClientConfigurationResolver.Resolve(new ConnectionFlags { InsecureSkipTlsVerify = true }, Environment(file));
        var fromFlags = ClientConfigurationResolver.Resolve(
            new ConnectionFlags { InsecureSkipTlsVerify = true, ImpersonateUser = "dave", ImpersonateGroups = ["g1", "g2"] }, Environment(file));

        Assert.Equal("carol", fromFile.ImpersonateUser);
        Assert.Equal(["team"], fromFile.ImpersonateGroups);
        Assert.Equal("dave", fromFlags.ImpersonateUser);
        Assert.Equal(["g1", "g2"], fromFlags.ImpersonateGroups);
    }

    [Fact]
    public void Impersonating_groups_without_a_user_is_refused()
    {
        var error = Assert.Throws<ConfigurationException>(() => ClientConfigurationResolver.Resolve(
            new ConnectionFlags { Server = "https://127.0.0.1:6443", InsecureSkipTlsVerify = true, ImpersonateGroups = ["g"] }, Environment()));

        Assert.Equal("requesting uid, groups or user-extra for  without impersonating a user", error.Message);
    }

    [Theory]
    [InlineData("0", null)]
    [InlineData("30", 30.0)]
    [InlineData("1m", 60.0)]
    public void Request_timeouts_are_seconds_or_durations(string text, double? seconds) =>
        Assert.Equal(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), ClientConfigurationResolver.ParseTimeout(text));
}
