using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VmLifecycle.LocalCluster.Aggregation;
using VmLifecycle.LocalCluster.Security;
using VmLifecycle.LocalCluster.Tests.Security;

namespace VmLifecycle.LocalCluster.Tests.Aggregation;

/// <summary>
/// The aggregation layer wired as the local cluster wires it: a front server that hands every request to the proxy
/// as <see cref="User"/>, an APIService for test.vmlifecycle.io/v1 whose service vm-system/api resolves to a
/// <see cref="TestBackend"/>, a front-proxy certificate from its own CA, and the availability monitor on a manual clock.
/// </summary>
internal sealed class AggregationTestRig : IAsyncDisposable
{
    public const string Group = "test.vmlifecycle.io";
    public const string Version = "v1";

    private WebApplication? _front;

    private AggregationTestRig(TestBackend backend)
    {
        Backend = backend;
    }

    public TestCertificateAuthority ServingCa { get; } = TestCertificateAuthority.Create("serving-ca");

    public TestCertificateAuthority FrontProxyCa { get; } = TestCertificateAuthority.Create("front-proxy-ca");

    public TestBackend Backend { get; private set; }

    public ManualTimeProvider Time { get; } = new();

    public RecordingConditionSink Sink { get; } = new();

    public ApiServiceRegistry Registry { get; private set; } = null!;

    public ApiServiceProxy Proxy { get; private set; } = null!;

    public ApiServiceAvailabilityMonitor Monitor { get; private set; } = null!;

    public UserInfo User { get; set; } = UserInfo.Create("jane", "devs", UserInfo.AuthenticatedGroup);

    public string FrontUrl { get; private set; } = "";

    public string ProbeUrl => $"{Backend.Url}/apis/{Group}/{Version}";

    /// <param name="backendAddress">Whether options map the APIService's service to the backend.</param>
    /// <param name="trustedServingCa">Whether the APIService's caBundle holds the CA that signed the backend's certificate.</param>
    public static async Task<AggregationTestRig> StartAsync(bool backendAddress = true, bool trustedServingCa = true)
    {
        var rig = new AggregationTestRig(null!);
        using var serving = rig.ServingCa.IssueServer("api", ["api.vm-system.svc"], []);
        rig.Backend = await TestBackend.StartAsync(X509CertificateLoader.LoadPkcs12(serving.Export(X509ContentType.Pkcs12), null), Group, Version);
        var options = new AggregationOptions
        {
            FrontProxyClientCertificate = rig.FrontProxyCa.IssueClient("front-proxy-client"),
            BackendAddresses = backendAddress
                ? new Dictionary<string, string> { ["vm-system/api"] = rig.Backend.Url }
                : new Dictionary<string, string>(),
        };
        rig.Registry = new ApiServiceRegistry(options, rig.Time);
        rig.Proxy = new ApiServiceProxy(rig.Registry, NullLogger<ApiServiceProxy>.Instance);
        rig.Monitor = new ApiServiceAvailabilityMonitor(rig.Registry, rig.Sink, options, rig.Time, NullLogger<ApiServiceAvailabilityMonitor>.Instance);
        using var otherCa = TestCertificateAuthority.Create("unrelated-ca");
        rig.Proxy.SetApiServices([ApiService(trustedServingCa ? rig.ServingCa.Pem : otherCa.Pem)]);
        await rig.StartFrontAsync();
        return rig;
    }

    public static V1APIService ApiService(string caBundlePem, int port = 443) => new()
    {
        ApiVersion = "apiregistration.k8s.io/v1",
        Kind = "APIService",
        Metadata = new V1ObjectMeta { Name = $"{Version}.{Group}" },
        Spec = new V1APIServiceSpec
        {
            Group = Group,
            Version = Version,
            Service = new Apiregistrationv1ServiceReference { NamespaceProperty = "vm-system", Name = "api", Port = port },
            CaBundle = Encoding.ASCII.GetBytes(caBundlePem),
            GroupPriorityMinimum = 1000,
            VersionPriority = 15,
        },
    };

    private async Task StartFrontAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _front = builder.Build();
        _front.Run(context => Proxy.ProxyAsync(context, User, context.RequestAborted));
        await _front.StartAsync();
        FrontUrl = _front.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public async ValueTask DisposeAsync()
    {
        if (_front is not null)
        {
            await _front.StopAsync();
            await _front.DisposeAsync();
        }

        await Backend.DisposeAsync();
        ServingCa.Dispose();
        FrontProxyCa.Dispose();
    }
}
