using k8s;
using VmLifecycle.Api.Kubernetes;

namespace VmLifecycle.Api.Tests.Kubernetes;

/// <summary>The lean kubeconfig reading gives what KubernetesClient's own loader gives, from the same file.</summary>
public sealed class KubeconfigFileTests : IDisposable
{
    private const string Kubeconfig = """
        apiVersion: v1
        kind: Config
        preferences: {}
        clusters:
        - name: local
          cluster:
            server: https://127.0.0.1:6443
            insecure-skip-tls-verify: true
        - name: other
          cluster:
            server: https://10.0.0.1:443
            insecure-skip-tls-verify: true
        users:
        - name: handler
          user:
            token: handler-token
        - name: admin
          user:
            client-certificate: pki/admin.crt
            client-key: pki/admin.key
        contexts:
        - name: handler
          context:
            cluster: local
            user: handler
            namespace: vm-lifecycle
        - name: admin
          context:
            cluster: other
            user: admin
        current-context: handler
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("kubeconfig-file-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(null)]
    [InlineData("admin")]
    public void A_kubeconfig_gives_the_configuration_KubernetesClient_builds_from_it(string? context)
    {
        var path = Path.Combine(_directory, "kubeconfig");
        File.WriteAllText(path, Kubeconfig);

        var lean = KubeconfigFile.Load(path, context);
        var reference = KubernetesClientConfiguration.BuildConfigFromConfigFile(path, currentContext: context);

        Assert.Equal(
            (reference.Host, reference.CurrentContext, reference.Namespace, reference.AccessToken, reference.SkipTlsVerify,
                reference.ClientCertificateFilePath, reference.ClientKeyFilePath),
            (lean.Host, lean.CurrentContext, lean.Namespace, lean.AccessToken, lean.SkipTlsVerify,
                lean.ClientCertificateFilePath, lean.ClientKeyFilePath));
        Assert.Equal(context is null ? "https://127.0.0.1:6443/" : "https://10.0.0.1/", new Uri(lean.Host).ToString());
        if (context is not null)
        {
            // Relative certificate paths are resolved against the kubeconfig's directory, as KubernetesClient does.
            Assert.Equal(Path.Combine(_directory, "pki", "admin.crt"), lean.ClientCertificateFilePath);
        }
    }

    [Fact]
    public void The_kubeconfig_option_with_a_context_gives_that_contexts_user_with_paths_from_the_files_directory()
    {
        var path = Path.Combine(_directory, "kubeconfig");
        File.WriteAllText(path, Kubeconfig);

        var configuration = KubernetesConnection.Configuration(new KubernetesConnectionOptions { KubeconfigPath = path, Context = "admin" });

        Assert.Equal((Path.Combine(_directory, "pki", "admin.crt"), "admin"), (configuration.ClientCertificateFilePath, configuration.CurrentContext));
    }
}
