using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Handler.Kubernetes;
using VmLifecycle.Handler.Nodes;
using VmLifecycle.Handler.Tests.Infrastructure;
using VmLifecycle.TestSupport.Networking;

namespace VmLifecycle.Handler.Tests.Endpoints;

/// <summary>
/// The handler process as Program.cs builds it (HandlerHost), on the real libvirt and a real HTTPS port with mutual
/// TLS; only the Kubernetes-facing stores are in memory. One test-guest VMI runs for the whole class.
/// </summary>
public sealed class HandlerHostFixture(LibvirtFixture libvirt) : IAsyncLifetime
{
    private WebApplication? _app;

    internal InMemoryVmiStore Store { get; } = new();

    internal RecordingNodeMetadataStore Nodes { get; } = new();

    internal InMemoryNodeStatusStore NodeStatus { get; } = new();

    internal TestCertificates Certificates { get; } = TestCertificates.Create();

    internal VirtualMachineInstance Vmi { get; private set; } = null!;

    public string Node { get; } = $"{libvirt.Node}-host";

    public int Port { get; } = FreePorts.Take(1)[0];

    public Uri BaseAddress => new($"https://localhost:{Port}");

    internal string SerialLogPath => Path.Combine(libvirt.StateDirectory, "domains", $"{Vmi.Metadata.NamespaceProperty}_{Vmi.Metadata.Name}_{Vmi.Metadata.Uid}", "serial.log");

    public async ValueTask InitializeAsync()
    {
        NodeStatus.Put(new k8s.Models.V1Node { Metadata = new k8s.Models.V1ObjectMeta { Name = Node } });
        var builder = HandlerHost.CreateBuilder(
        [
            $"--node-name={Node}",
            $"--state-dir={libvirt.StateDirectory}",
            "--force-tcg=true",
            $"--image-store={TestGuest.ImageStoreRoot}",
            $"--port={Port.ToString(CultureInfo.InvariantCulture)}",
            $"--tls-cert={Certificates.ServerCertificateFile}",
            $"--tls-key={Certificates.ServerKeyFile}",
            $"--client-ca={Certificates.ClientCaFile}",
            "--Heartbeat:Interval=00:00:01",
        ]);
        builder.Logging.ClearProviders().AddProvider(new TestLogging());
        builder.Services.AddSingleton<IVirtualMachineInstanceStore>(Store);
        builder.Services.AddSingleton<INodeMetadataStore>(Nodes);
        builder.Services.AddSingleton<INodeStatusStore>(NodeStatus);
        builder.Services.AddSingleton<ISecretStore>(new InMemorySecretStore());
        _app = HandlerHost.Build(builder);
        await _app.StartAsync();

        Vmi = Store.Create(TestGuest.Vmi(libvirt.Namespace, "paused-by-endpoint", Node));
        await Store.WaitForRunningAsync(Vmi);
        await SerialLog.WaitForTickAsync(SerialLogPath, 1, VmiAssertions.StartTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Certificates.Dispose();
    }

    /// <summary>An HTTPS client that trusts the test server CA and presents <paramref name="clientCertificate"/>.</summary>
    internal HttpClient Client(X509Certificate2? clientCertificate)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = clientCertificate is null ? null : [clientCertificate],
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(Certificates.ServerCa);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return certificate is not null && chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
                },
            },
        };
        return new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }
}
