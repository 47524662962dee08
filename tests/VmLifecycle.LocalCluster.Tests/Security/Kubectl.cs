using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;

namespace VmLifecycle.LocalCluster.Tests.Security;

/// <summary>Runs the real kubectl against a test server with a kubeconfig written for one user.</summary>
internal sealed class Kubectl : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kubectl-test-").FullName;

    private Kubectl()
    {
    }

    public static bool IsInstalled =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, "kubectl")));

    public static Kubectl For(string server, string caPem, string? token = null, X509Certificate2? clientCertificate = null)
    {
        var kubectl = new Kubectl();
        var user = token is not null
            ? $"    token: {token}\n"
            : clientCertificate is not null
                ? $"    client-certificate-data: {Base64(clientCertificate.ExportCertificatePem())}\n    client-key-data: {Base64(clientCertificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem())}\n"
                : "    {}\n";
        File.WriteAllText(kubectl.KubeconfigPath, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: test
              cluster:
                server: {server}
                certificate-authority-data: {Base64(caPem)}
            users:
            - name: test
              user:
            {user}contexts:
            - name: test
              context: {"{"}cluster: test, user: test{"}"}
            current-context: test

            """);
        return kubectl;
    }

    public string KubeconfigPath => Path.Combine(_directory, "kubeconfig");

    public async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["KUBECONFIG"] = KubeconfigPath, ["HOME"] = _directory },
        };
        foreach (var argument in arguments.Append($"--cache-dir={Path.Combine(_directory, "cache")}"))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string Base64(string text) => Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(text));

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
