using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using VmLifecycle.Aggregator.Authentication;
using VmLifecycle.Aggregator.Authorization;
using VmLifecycle.Aggregator.Hosting;
using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Aggregator.Observability;

namespace VmLifecycle.Aggregator.Tests.TestSupport;

/// <summary>
/// The real aggregator on a loopback port with real TLS: serving certificate from PEM files, front-proxy trust from a
/// generated CA, the aggregator's client certificate for the handlers; fakes behind the Kubernetes ports only.
/// </summary>
internal sealed class AggregatorTestHost : IAsyncDisposable
{
    public const string FrontProxyName = "front-proxy-client";
    public const string AggregatorClientName = "vm-lifecycle-aggregator";

    private readonly WebApplication _app;

    private AggregatorTestHost(TestPki pki, PemFiles files, Func<AggregatorTestHost, WebApplication> build)
    {
        Pki = pki;
        Files = files;
        _app = build(this);
    }

    public TestPki Pki { get; }

    public PemFiles Files { get; }

    public InMemoryVirtualMachineStore Store { get; } = new();

    public FakeSubjectAccessReviewClient Reviews { get; } = FakeSubjectAccessReviewClient.EditAllowed();

    public RecordingEventRecorder Events { get; } = new();

    public FakeVersionProbe Version { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public string ServingCertificateFile { get; private set; } = "";

    public string ServingKeyFile { get; private set; } = "";

    /// <summary>The aggregator with fakes behind every Kubernetes port and without controllers.</summary>
    public static Task<AggregatorTestHost> StartAsync() => StartAsync(null, []);

    /// <summary>
    /// The aggregator against a real (local) cluster: the real Kubernetes store and the controllers under leader election,
    /// configured by <paramref name="extraArguments"/>; events still go to <see cref="Events"/>.
    /// </summary>
    public static Task<AggregatorTestHost> StartWithClusterAsync(string kubeconfigPath, params string[] extraArguments) =>
        StartAsync(kubeconfigPath, extraArguments);

    private static async Task<AggregatorTestHost> StartAsync(string? kubeconfigPath, string[] extraArguments)
    {
        var pki = new TestPki();
        var files = new PemFiles();
        using var serving = pki.ServingCa.IssueServer("vm-lifecycle-aggregator.vm-lifecycle.svc", "127.0.0.1", "localhost");
        var (servingCertificate, servingKey) = files.Write("serving", serving);
        using var client = pki.AggregatorClientCa.IssueClient(AggregatorClientName);
        var (clientCertificate, clientKey) = files.Write("handler-client", client);
        var handlerCa = files.WriteBundle("handler-ca", pki.HandlerCa.Certificate);

        string[] args =
        [
            "--Serving:Port=0",
            "--Serving:BindAddress=127.0.0.1",
            $"--Serving:CertificateFile={servingCertificate}",
            $"--Serving:PrivateKeyFile={servingKey}",
            "--Serving:CertificateRecheckInterval=00:00:00.200",
            $"--NodeHandler:ClientCertificateFile={clientCertificate}",
            $"--NodeHandler:ClientKeyFile={clientKey}",
            $"--NodeHandler:CaFile={handlerCa}",
            "--Logging:LogLevel:Default=Warning",
            .. kubeconfigPath is null ? (string[])["--Controllers:Enabled=false"] : [$"--Kubernetes:KubeconfigPath={kubeconfigPath}"],
            .. extraArguments,
        ];
        var host = new AggregatorTestHost(pki, files, self => AggregatorApplication.Build(args, builder =>
        {
            if (kubeconfigPath is null)
            {
                builder.Services.AddSingleton<IVirtualMachineStore>(self.Store);
            }

            builder.Services.AddSingleton<ISubjectAccessReviewClient>(self.Reviews);
            builder.Services.AddSingleton<ILifecycleEventRecorder>(self.Events);
            builder.Services.AddSingleton<IKubernetesVersionProbe>(self.Version);
            builder.Services.AddSingleton<IRequestHeaderSettingsSource>(new StaticRequestHeaderSettingsSource(
                RequestHeaderSettings.WithDefaultHeaders([pki.FrontProxyCa.Certificate], "rv-7") with { AllowedNames = [FrontProxyName] }));
        }))
        {
            ServingCertificateFile = servingCertificate,
            ServingKeyFile = servingKey,
        };
        await host._app.StartAsync(TestContext.Current.CancellationToken);
        host.BaseAddress = new Uri(host._app.Urls.Single());
        return host;
    }

    /// <summary>A client that trusts the serving CA, presenting <paramref name="certificate"/> when given.</summary>
    /// <param name="intermediates">Sent with the client certificate, as kube-apiserver sends the chain of its proxy certificate.</param>
    public HttpClient Client(X509Certificate2? certificate = null, Action<X509Certificate2>? seenServerCertificate = null, X509Certificate2[]? intermediates = null)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificateContext = certificate is null ? null : SslStreamCertificateContext.Create(certificate, [.. intermediates ?? []], offline: true),
                RemoteCertificateValidationCallback = (_, server, _, _) =>
                {
                    if (server is null)
                    {
                        return false;
                    }

                    using var leaf = X509CertificateLoader.LoadCertificate(server.GetRawCertData());
                    seenServerCertificate?.Invoke(leaf);
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(Pki.ServingCa.Certificate);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return chain.Build(leaf);
                },
            },
        };
        return new HttpClient(handler) { BaseAddress = BaseAddress };
    }

    /// <summary>A client that is kube-apiserver's front proxy, forwarding <paramref name="user"/> with <paramref name="groups"/>.</summary>
    public HttpClient Proxy(string user, params string[] groups)
    {
        var client = Client(Pki.FrontProxyClient);
        client.DefaultRequestHeaders.Add("X-Remote-User", user);
        foreach (var group in groups)
        {
            client.DefaultRequestHeaders.Add("X-Remote-Group", group);
        }

        return client;
    }

    public IServiceProvider Services => _app.Services;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        Files.Dispose();
        Pki.Dispose();
    }
}
