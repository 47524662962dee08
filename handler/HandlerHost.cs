using k8s;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Options;
using Prometheus;
using VmLifecycle.Handler.Configuration;
using VmLifecycle.Handler.Domains;
using VmLifecycle.Handler.Endpoints;
using VmLifecycle.Handler.Kubernetes;
using VmLifecycle.Handler.Libvirt;
using VmLifecycle.Handler.Lifecycle;
using VmLifecycle.Handler.Nodes;
using VmLifecycle.Handler.Observability;
using VmLifecycle.Api.Kubernetes;

namespace VmLifecycle.Handler;

/// <summary>
/// Composes the handler: options, libvirt, the lifecycle controller, the node heartbeat and the HTTPS endpoint with
/// mutual TLS. Tests build the same host and replace the Kubernetes-facing stores (VMIs, Node metadata and status, Secrets).
/// </summary>
internal static class HandlerHost
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        NativeHeap.LimitArenas();

        // The slim builder: Kestrel without IIS, QUIC or host filtering, console logging only. The handler serves a few
        // routes on one HTTPS port; every assembly the full builder loads stays mapped (and partly resident) for the
        // life of a per-node daemon.
        // Nothing is reloaded on change (there is no appsettings.json): otherwise the host watches its content root, the
        // working directory, recursively, and every file written below it (serial logs, the local cluster's state log)
        // wakes a watcher thread.
        var builder = WebApplication.CreateSlimBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.Configuration.AddCommandLine(args, CommandLineSwitches.Mappings);
        var configuration = builder.Configuration;
        var services = builder.Services;

        // ASP.NET Core's per-request information logs cost time on every pause call and drown the handler's own;
        // configuration (Logging:LogLevel:Microsoft.AspNetCore) can lower this again.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        HandlerMetrics.SuppressRuntimeAdapters();

        services.Configure<HandlerOptions>(configuration.GetSection(HandlerOptions.SectionName));
        services.Configure<LibvirtConnectionOptions>(configuration.GetSection(CommandLineSwitches.LibvirtSection));
        services.Configure<ImageStoreOptions>(configuration.GetSection(CommandLineSwitches.ImageStoreSection));
        services.Configure<TlsOptions>(configuration.GetSection(TlsOptions.SectionName));
        services.Configure<NodeHeartbeatOptions>(configuration.GetSection(NodeHeartbeatOptions.SectionName));
        services.Configure<KubernetesConnectionOptions>(configuration.GetSection(KubernetesConnectionOptions.SectionName));

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LibvirtConnection>();
        services.AddSingleton<LibvirtDomains>();
        services.AddSingleton<ImageStore>();
        services.AddSingleton<DomainPlanner>();
        services.AddSingleton<CloudInitSecretReader>();
        services.AddSingleton<NodeDomains>();
        services.AddSingleton<InstanceLocks>();
        services.AddSingleton<DomainEventExpectations>();
        services.AddSingleton<GracefulShutdown>();
        services.AddSingleton(sp => new VmiUpdater(sp.GetRequiredService<IVirtualMachineInstanceStore>()));
        services.AddSingleton<DomainReconciler>();
        services.AddSingleton<LifecycleController>();
        services.AddHostedService(sp => sp.GetRequiredService<LifecycleController>());
        services.AddSingleton<PauseHandler>();
        services.AddSingleton(sp =>
        {
            var tls = sp.GetRequiredService<IOptions<TlsOptions>>().Value;
            return HandlerEndpoint.For(tls.AdvertisedEndpoint, sp.GetRequiredService<IOptions<HandlerOptions>>().Value.NodeName, tls.Port);
        });
        services.AddSingleton<NodeReadyReporter>();
        services.AddHostedService<NodeHeartbeat>();

        // The Kubernetes client is created on first use, so tests that replace all the stores never need a kubeconfig.
        services.AddSingleton<IKubernetes>(sp => KubernetesConnection.CreateClient(sp.GetRequiredService<IOptions<KubernetesConnectionOptions>>().Value));
        services.AddSingleton<IVirtualMachineInstanceStore, KubernetesVmiStore>();
        services.AddSingleton<INodeMetadataStore, KubernetesNodeMetadataStore>();
        services.AddSingleton<INodeStatusStore, KubernetesNodeStatusStore>();
        services.AddSingleton<ISecretStore, KubernetesSecretStore>();

        var tls = configuration.GetSection(TlsOptions.SectionName).Get<TlsOptions>() ?? new TlsOptions();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(tls.Port, listen => listen.UseHttps(https =>
        {
            tls.Validate();
            https.ServerCertificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(tls.CertificateFile, tls.PrivateKeyFile);
            var validator = ClientCertificateValidator.FromPemFile(tls.ClientCaFile);

            // Allow (not require) a certificate: probes and Prometheus connect without one and reach only /healthz,
            // /readyz and /metrics; a certificate that is presented must chain to the client CA or the handshake fails.
            https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
            https.ClientCertificateValidation = (certificate, _, _) => validator.Validate(certificate);
        })));
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.Services.GetRequiredService<IOptions<HandlerOptions>>().Value.Validate();
        app.UseMiddleware<StatusExceptionMiddleware>();
        HealthEndpoints.Map(app);
        PauseEndpoints.Map(app);
        app.MapMetrics();
        return app;
    }
}
