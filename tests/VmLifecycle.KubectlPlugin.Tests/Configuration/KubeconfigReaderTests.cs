using VmLifecycle.Api.Kubeconfig;
using VmLifecycle.KubectlPlugin.Configuration;
using VmLifecycle.KubectlPlugin.Tests.TestSupport;
using YamlDotNet.Core;

namespace VmLifecycle.KubectlPlugin.Tests.Configuration;

public sealed class KubeconfigReaderTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Every_modelled_field_is_read_under_its_kubeconfig_name()
    {
        var config = KubeconfigReader.Parse("""
            apiVersion: v1
            kind: Config
            current-context: ctx
            preferences: {}
            clusters:
            - name: c1
              cluster:
                server: https://c1.example:6443
                certificate-authority: ca.crt
                certificate-authority-data: Q0EtREFUQQ==
                insecure-skip-tls-verify: false
                tls-server-name: api.example
                proxy-url: http://proxy.example:3128
                extensions:
                - name: ignored
                  extension: {a: b}
            - name: c2
              cluster:
                server: https://c2.example
                insecure-skip-tls-verify: true
            users:
            - name: u1
              user:
                client-certificate: client.crt
                client-certificate-data: Q0VSVA==
                client-key: client.key
                client-key-data: S0VZ
                token: secret-token
                username: admin
                password: hunter2
                as: carol
                as-groups: [team-a, "team-b"]
                as-user-extra:
                  scopes: [read, write]
                  reason: audit
            - name: u2
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: get-token
                  args: ["--cluster", c1]
                  env:
                  - name: REGION
                    value: eu-1
                  installHint: install get-token
                  provideClusterInfo: true
                  interactiveMode: Never
            - name: u3
              user:
                auth-provider:
                  name: oidc
                  config:
                    id-token: abc
                    client-id: kubectl
            contexts:
            - name: ctx
              context:
                cluster: c1
                user: u1
                namespace: team-ns
            - name: bare
              context:
                cluster: c2
            """);

        Assert.Equal(("v1", "Config", "ctx"), (config.ApiVersion, config.Kind, config.CurrentContext));
        var c1 = config.Clusters[0].ClusterEndpoint;
        Assert.Equal("c1", config.Clusters[0].Name);
        Assert.Equal(("https://c1.example:6443", "ca.crt", "Q0EtREFUQQ==", false, "api.example"), (c1.Server, c1.CertificateAuthority, c1.CertificateAuthorityData, c1.SkipTlsVerify, c1.TlsServerName));
        Assert.True(config.Clusters[1].ClusterEndpoint.SkipTlsVerify);
        var u1 = config.Users[0].UserCredentials;
        Assert.Equal(("client.crt", "Q0VSVA==", "client.key", "S0VZ"), (u1.ClientCertificate, u1.ClientCertificateData, u1.ClientKey, u1.ClientKeyData));
        Assert.Equal(("secret-token", "admin", "hunter2", "carol"), (u1.Token, u1.UserName, u1.Password, u1.Impersonate));
        Assert.Equal(["team-a", "team-b"], u1.ImpersonateGroups);
        Assert.Equal(new Dictionary<string, string> { ["reason"] = "audit" }, u1.ImpersonateUserExtra);
        Assert.Null(u1.ExternalExecution);
        Assert.Null(u1.AuthProvider);
        var exec = config.Users[1].UserCredentials.ExternalExecution;
        Assert.Equal(("client.authentication.k8s.io/v1", "get-token", "install get-token", true), (exec.ApiVersion, exec.Command, exec.InstallHint, exec.ProvideClusterInfo));
        Assert.Equal(["--cluster", "c1"], exec.Arguments);
        Assert.Equal(new Dictionary<string, string> { ["name"] = "REGION", ["value"] = "eu-1" }, Assert.Single(exec.EnvironmentVariables));
        var provider = config.Users[2].UserCredentials.AuthProvider;
        Assert.Equal("oidc", provider.Name);
        Assert.Equal(new Dictionary<string, string> { ["id-token"] = "abc", ["client-id"] = "kubectl" }, provider.Config);
        Assert.Equal(("c1", "u1", "team-ns"), (config.Contexts[0].ContextDetails.Cluster, config.Contexts[0].ContextDetails.User, config.Contexts[0].ContextDetails.Namespace));
        Assert.Equal(("bare", "c2", null, null), (config.Contexts[1].Name, config.Contexts[1].ContextDetails.Cluster, config.Contexts[1].ContextDetails.User, config.Contexts[1].ContextDetails.Namespace));
    }

    [Fact]
    public void Absent_and_null_values_are_null_and_quoted_empty_strings_are_kept()
    {
        var config = KubeconfigReader.Parse("""
            current-context: ~
            clusters:
            - name: c
              cluster:
                server: https://c.example
                certificate-authority:
            contexts:
            - name: x
              context:
                cluster: c
                namespace: ""
            - name: y
            """);

        Assert.Null(config.CurrentContext);
        Assert.Null(config.Users);
        Assert.Null(config.Clusters[0].ClusterEndpoint.CertificateAuthority);
        Assert.False(config.Clusters[0].ClusterEndpoint.SkipTlsVerify);
        Assert.Equal("", config.Contexts[0].ContextDetails.Namespace);
        Assert.Equal("y", config.Contexts[1].Name);
        Assert.Null(config.Contexts[1].ContextDetails);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void An_empty_file_is_an_empty_configuration(string text)
    {
        var config = KubeconfigReader.Parse(text);

        Assert.Equal((null, null, null, null), (config.CurrentContext, config.Clusters, config.Users, config.Contexts));
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("True", true)]
    [InlineData("off", false)]
    [InlineData("\"false\"", false)]
    public void Booleans_are_read_as_YAML_writes_them(string text, bool expected) =>
        Assert.Equal(expected, KubeconfigReader.Parse($"clusters:\n- name: c\n  cluster:\n    insecure-skip-tls-verify: {text}\n").Clusters[0].ClusterEndpoint.SkipTlsVerify);

    [Theory]
    [InlineData("clusters: {a: b}\n")]
    [InlineData("clusters:\n- name: c\n  cluster:\n    server: [a, b]\n")]
    [InlineData("clusters:\n- name: c\n  cluster:\n    insecure-skip-tls-verify: maybe\n")]
    [InlineData("users:\n- name: u\n  user:\n    as-groups: [[nested]]\n")]
    public void Fields_of_the_wrong_shape_are_refused(string text) =>
        Assert.Throws<FormatException>(() => KubeconfigReader.Parse(text));

    [Fact]
    public void Malformed_YAML_is_refused() =>
        Assert.ThrowsAny<YamlException>(() => KubeconfigReader.Parse("clusters: [\n"));

    [Fact]
    public void A_malformed_file_fails_with_its_path_in_the_message()
    {
        var path = _directory.File("broken", "clusters:\n- name: c\n  cluster:\n    server: [a, b]\n");

        var error = Assert.Throws<ConfigurationException>(() => KubeconfigFiles.LoadMerged([path]));

        Assert.StartsWith($"error loading config file \"{path}\": ", error.Message, StringComparison.Ordinal);
    }
}
