using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using k8s;
using VmLifecycle.EndToEnd.Tests.TestSupport;

namespace VmLifecycle.EndToEnd.Tests.Robustness;

/// <summary>
/// Clients for the three ways into the local stack's servers, with the identities the stack itself uses: the aggregator
/// directly with the local cluster's front-proxy client certificate (trusting the aggregator's serving CA), the local
/// cluster with the admin's kubeconfig credentials, and the handler with the aggregator's client certificate (trusting
/// the handler CA); plus the server processes by the pids of the stack's env file.
/// </summary>
internal static class RobustnessTargets
{
    public static HttpClient Aggregator(LocalStackFixture stack)
    {
        var certificate = X509Certificate2.CreateFromPemFile(
            Path.Combine(stack.ClusterPki, "front-proxy-client.crt"), Path.Combine(stack.ClusterPki, "front-proxy-client.key"));
        var client = Create(stack.AggregatorUrl, certificate, Authorities(stack.AggregatorCaFile));

        // The front proxy's identity headers: a cluster admin, so requests get past authorization into the subresources.
        client.DefaultRequestHeaders.Add("X-Remote-User", "robustness-admin");
        client.DefaultRequestHeaders.Add("X-Remote-Group", "system:masters");
        return client;
    }

    public static HttpClient Cluster(LocalStackFixture stack)
    {
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(stack.Admin.KubeconfigPath);
        var certificate = X509Certificate2.CreateFromPem(Decode(config.ClientCertificateData), Decode(config.ClientCertificateKeyData));
        return Create(config.Host, certificate, config.SslCaCerts);
    }

    public static HttpClient Handler(LocalStackFixture stack)
    {
        var pki = Path.Combine(stack.LocalDirectory, "pki");
        var certificate = X509Certificate2.CreateFromPemFile(Path.Combine(pki, "aggregator-handler-client.crt"), Path.Combine(pki, "aggregator-handler-client.key"));
        var url = stack.ReadEnvFile()["HANDLER_URLS"].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return Create(url, certificate, Authorities(Path.Combine(pki, "handler-ca.crt")));
    }

    public static ServerProcess AggregatorProcess(LocalStackFixture stack) => Process(stack, "aggregator", "AGGREGATOR_PID");

    public static ServerProcess LocalClusterProcess(LocalStackFixture stack) => Process(stack, "local cluster", "LOCAL_CLUSTER_PID");

    public static ServerProcess HandlerProcess(LocalStackFixture stack) => Process(stack, "handler", "HANDLER_PIDS");

    private static ServerProcess Process(LocalStackFixture stack, string name, string variable) =>
        new(name, int.Parse(stack.ReadEnvFile()[variable].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture));

    private static string Decode(string base64) => System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(base64));

    private static X509Certificate2Collection Authorities(string pemFile)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(pemFile);
        return authorities;
    }

    private static HttpClient Create(string baseUrl, X509Certificate2 clientCertificate, X509Certificate2Collection? authorities)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = [clientCertificate],
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    if (certificate is null || authorities is null)
                    {
                        return false;
                    }

                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                    return chain.Build(leaf);
                },
            },
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = new Uri(baseUrl.TrimEnd('/')), Timeout = TimeSpan.FromSeconds(60) };
    }
}
