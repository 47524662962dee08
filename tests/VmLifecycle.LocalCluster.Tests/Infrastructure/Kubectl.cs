using System.Security.Cryptography.X509Certificates;
using System.Text;
using VmLifecycle.TestSupport.Processes;

namespace VmLifecycle.LocalCluster.Tests.Infrastructure;

/// <summary>
/// Runs the real kubectl binary against a kubeconfig: a local cluster's admin kubeconfig, or one written by
/// <see cref="ForUser"/> for another identity (then disposing the instance removes it).
/// </summary>
internal sealed class Kubectl(string kubeconfigPath) : IDisposable
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(60);
    private string? _ownedDirectory;

    /// <summary>kubectl is a required tool of this project (hack/install-deps.sh installs it).</summary>
    public static bool IsInstalled =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, "kubectl")));

    public string KubeconfigPath => kubeconfigPath;

    /// <summary>A kubeconfig of its own for one user: a bearer token, a client certificate with its key, or neither (anonymous).</summary>
    public static Kubectl ForUser(string server, string caPem, string? token = null, X509Certificate2? clientCertificate = null)
    {
        var directory = Directory.CreateTempSubdirectory("kubectl-user-").FullName;
        var user = token is not null
            ? $"    token: {token}\n"
            : clientCertificate is not null
                ? $"    client-certificate-data: {Base64(clientCertificate.ExportCertificatePem())}\n    client-key-data: {Base64(clientCertificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem())}\n"
                : "    {}\n";
        var path = Path.Combine(directory, "kubeconfig");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: test
              cluster:
                server: {server.TrimEnd('/')}
                certificate-authority-data: {Base64(caPem)}
            users:
            - name: test
              user:
            {user}contexts:
            - name: test
              context: {"{"}cluster: test, user: test{"}"}
            current-context: test

            """);
        return new Kubectl(path) { _ownedDirectory = directory };
    }

    public Task<CommandResult> RunAsync(IEnumerable<string> arguments, string? standardInput = null, CancellationToken cancellationToken = default) =>
        ExternalCommand.RunAsync(
            "kubectl",
            arguments,
            new Dictionary<string, string> { ["KUBECONFIG"] = kubeconfigPath, ["HOME"] = Path.GetDirectoryName(kubeconfigPath)! },
            _timeout,
            standardInput,
            cancellationToken);

    public Task<CommandResult> RunAsync(params string[] arguments) => RunAsync(arguments, null, TestContext.Current.CancellationToken);

    /// <summary>Runs kubectl and fails the test if it does not succeed.</summary>
    public async Task<string> SucceedAsync(params string[] arguments)
    {
        var result = await RunAsync(arguments, null, TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.Error}");
        return result.Output;
    }

    public async Task<string> ApplyAsync(string manifest, string verb = "apply")
    {
        var result = await RunAsync([verb, "-f", "-"], manifest, TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, $"kubectl {verb} failed ({result.ExitCode}): {result.Error}");
        return result.Output;
    }

    public void Dispose()
    {
        if (_ownedDirectory is not null)
        {
            Directory.Delete(_ownedDirectory, recursive: true);
        }
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.ASCII.GetBytes(text));
}
