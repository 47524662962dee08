using k8s;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VmLifecycle.Aggregator.Authentication;
using VmLifecycle.Aggregator.Authorization;
using VmLifecycle.Aggregator.Caching;
using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Aggregator.NodeHandlerClient;
using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Aggregator.Reconciliation;
using VmLifecycle.Aggregator.Serving;
using VmLifecycle.Aggregator.Subresources;
using VmLifecycle.Api.Kubernetes;

namespace VmLifecycle.Aggregator.Hosting;

/// <summary>
/// Registers the subresource server. Its ports to the outside (Kubernetes client, SubjectAccessReview, Events, node
/// handlers, request-header settings) are added with TryAdd, so a host or a test that registered its own first keeps it.
/// </summary>
internal static class AggregatorServiceRegistration
{
    public static WebApplicationBuilder AddAggregator(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<ServingOptions>().Bind(configuration.GetSection(ServingOptions.SectionName));
        services.AddOptions<KubernetesConnectionOptions>().Bind(configuration.GetSection(KubernetesConnectionOptions.SectionName));
        services.AddOptions<FrontProxyOptions>().Bind(configuration.GetSection(FrontProxyOptions.SectionName));
        services.AddOptions<SubjectAccessReviewOptions>().Bind(configuration.GetSection(SubjectAccessReviewOptions.SectionName));
        services.AddOptions<NodeHandlerClientOptions>().Bind(configuration.GetSection(NodeHandlerClientOptions.SectionName));

        services.TryAddSingleton(TimeProvider.System);
        AddWatchCache(services, configuration.GetSection("Controllers:Informers"));
        services.TryAddSingleton<IKubernetes>(provider => KubernetesConnection.CreateClient(provider.GetRequiredService<IOptions<KubernetesConnectionOptions>>().Value));
        services.TryAddSingleton<IVirtualMachineStore, KubernetesVirtualMachineStore>();
        services.TryAddSingleton<ISubjectAccessReviewClient, KubernetesSubjectAccessReviewClient>();
        services.TryAddSingleton<ILifecycleEventRecorder, KubernetesLifecycleEventRecorder>();
        services.TryAddSingleton<IKubernetesVersionProbe, KubernetesVersionProbe>();
        services.TryAddSingleton<INodeHandlerClient, HttpsNodeHandlerClient>();
        AddRequestHeaderSettings(services, configuration.GetSection(FrontProxyOptions.SectionName).Get<FrontProxyOptions>() ?? new FrontProxyOptions());

        services.AddSingleton<AggregatorMetrics>();
        services.AddSingleton<ServingCertificate>();
        services.AddSingleton<PeerIntermediateCertificates>();
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, KestrelServingSetup>();
        services.AddSingleton<FrontProxyAuthenticator>();
        services.AddSingleton<SubjectAccessReviewAuthorizer>();

        services.AddSingleton<LifecyclePatchApplier>();
        services.AddSingleton<VirtualMachineActionRunner>();
        services.AddSingleton<NodeHandlerForwarder>();
        services.AddSingleton<LifecycleEventQueue>();
        services.AddHostedService(provider => provider.GetRequiredService<LifecycleEventQueue>());
        services.AddSingleton<VirtualMachineInstanceActionRunner>();
        services.AddSingleton<ISubresource, StartSubresource>();
        services.AddSingleton<ISubresource, StopSubresource>();
        services.AddSingleton<ISubresource, RestartSubresource>();
        services.AddSingleton<ISubresource, RenameSubresource>();
        services.AddSingleton<ISubresource, PauseSubresource>();
        services.AddSingleton<ISubresource, UnpauseSubresource>();
        services.AddSingleton<SubresourceEndpoint>();
        return builder;
    }

    // Must run before the store is added: a host that brings its own store gets no cache of the API server.
    private static void AddWatchCache(IServiceCollection services, IConfigurationSection informers)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(IWatchCache)))
        {
            return;
        }

        if (services.Any(descriptor => descriptor.ServiceType == typeof(IVirtualMachineStore)))
        {
            services.AddSingleton<IWatchCache, NoWatchCache>();
            return;
        }

        var informerOptions = informers.Get<InformerOptions>() ?? new InformerOptions();
        services.AddSingleton(provider => new InformerWatchCache(
            provider.GetRequiredService<IKubernetes>(), informerOptions, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IWatchCache>(provider => provider.GetRequiredService<InformerWatchCache>());
        services.AddHostedService(provider => provider.GetRequiredService<InformerWatchCache>());
    }

    private static void AddRequestHeaderSettings(IServiceCollection services, FrontProxyOptions frontProxy)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(IRequestHeaderSettingsSource)))
        {
            return;
        }

        if (!string.IsNullOrEmpty(frontProxy.RequestHeaderCaFile))
        {
            services.AddSingleton<IRequestHeaderSettingsSource>(provider =>
            {
                var source = new PemCertificateFileSource(
                    frontProxy.RequestHeaderCaFile, null, provider.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(10),
                    provider.GetRequiredService<ILogger<FileRequestHeaderSettingsSource>>());
                source.LoadOrThrow();
                return new FileRequestHeaderSettingsSource(source);
            });
            return;
        }

        services.AddSingleton<ConfigMapRequestHeaderSettingsSource>();
        services.AddSingleton<IRequestHeaderSettingsSource>(provider => provider.GetRequiredService<ConfigMapRequestHeaderSettingsSource>());
        services.AddHostedService(provider => provider.GetRequiredService<ConfigMapRequestHeaderSettingsSource>());
    }
}
