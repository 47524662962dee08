using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VmLifecycle.LocalCluster.Aggregation;
using VmLifecycle.LocalCluster.Bootstrap;
using VmLifecycle.LocalCluster.Controllers;
using VmLifecycle.LocalCluster.CustomResources;
using VmLifecycle.LocalCluster.Discovery;
using VmLifecycle.LocalCluster.OpenApi;
using VmLifecycle.LocalCluster.Pki;
using VmLifecycle.LocalCluster.Resources;
using VmLifecycle.LocalCluster.Security;
using VmLifecycle.LocalCluster.Security.Authentication;
using VmLifecycle.LocalCluster.Security.Authorization;
using VmLifecycle.LocalCluster.Storage;
using VmLifecycle.LocalCluster.Tables;
using VmLifecycle.LocalCluster.Watch;

namespace VmLifecycle.LocalCluster.Serving;

/// <summary>Composes the local cluster: HTTPS with the cluster's own PKI, the request pipeline and the services behind it.</summary>
internal static partial class LocalClusterApp
{
    /// <summary>Command line switches, e.g. <c>--port 6443 --data-dir .local/cluster --state-file .local/cluster/state.json</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> SwitchMappings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--listen-address"] = $"{LocalClusterOptions.Section}:{nameof(LocalClusterOptions.ListenAddress)}",
        ["--port"] = $"{LocalClusterOptions.Section}:{nameof(LocalClusterOptions.Port)}",
        ["--data-dir"] = $"{LocalClusterOptions.Section}:{nameof(LocalClusterOptions.DataDirectory)}",
        ["--kubeconfig"] = $"{LocalClusterOptions.Section}:{nameof(LocalClusterOptions.KubeconfigPath)}",
        ["--anonymous-auth"] = $"{LocalClusterOptions.Section}:{nameof(LocalClusterOptions.AnonymousAuth)}",
        ["--token-file"] = $"{LocalClusterOptions.Section}:{nameof(LocalClusterOptions.TokenFile)}",
        ["--state-file"] = $"{LocalClusterOptions.Section}:{nameof(LocalClusterOptions.StateFile)}",
        ["--crd-dir"] = $"{LocalClusterOptions.Section}:{nameof(LocalClusterOptions.CrdDirectories)}:0",
        ["--watch-history-size"] = $"{LocalClusterOptions.Section}:{nameof(LocalClusterOptions.WatchHistorySize)}",
    };

    /// <summary>Builds the server; <paramref name="configure"/> runs after the cluster's services are registered, so it can replace them.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        args = AggregatedBackendAddresses.ExpandSwitches(args);
        // Nothing is reloaded on change (there is no appsettings.json): otherwise the host watches its content root, the
        // working directory, recursively, and every file written below it (its own state log, the VMs' serial logs)
        // wakes a watcher thread.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false", .. args] });
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string>(SwitchMappings));

        // ASP.NET Core's two information logs per request ("Request starting/finished") were 15-35 % of the server's CPU
        // under a GET + status PUT loop with three watchers; kube-apiserver does not log requests at its default verbosity
        // either. Warnings and errors, and the cluster's own logs, are unchanged (as in the handler).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var options = builder.Configuration.GetSection(LocalClusterOptions.Section).Get<LocalClusterOptions>() ?? new LocalClusterOptions();
        builder.Services.AddOptions<LocalClusterOptions>().Bind(builder.Configuration.GetSection(LocalClusterOptions.Section));
        builder.Services.AddOptions<StoreOptions>().Configure<IOptions<LocalClusterOptions>>((store, cluster) =>
        {
            store.StateFile = cluster.Value.StateFile;
            store.WatchHistorySize = cluster.Value.WatchHistorySize;
        });
        builder.Services.TryAddSingleton(TimeProvider.System);

        var pki = ClusterPki.LoadOrCreate(Path.Combine(options.DataDirectory, "Pki"), TimeProvider.System);
        builder.Services.AddSingleton(pki);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(ListenAddress(options.ListenAddress), options.Port, listen => listen.UseHttps(https =>
        {
            https.ServerCertificate = pki.ServingCertificate;
            https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
            https.AllowAnyClientCertificate();
        })));

        AddClusterServices(builder.Services);
        builder.Services.AddAggregationLayer(new AggregationOptions
        {
            BackendAddresses = AggregatedBackendAddresses.Parse(options.AggregatedBackends),
            FrontProxyClientCertificate = pki.FrontProxyClient.Load(),
        });
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseMiddleware<StatusErrorHandling>();
        app.UseClusterAuthentication(
            new ClusterAuthenticationOptions
            {
                ClientCaCertificates = [X509Certificate2.CreateFromPem(pki.ClusterCa.CertificatePem)],
                TokenFilePath = string.IsNullOrEmpty(options.TokenFile) ? null : options.TokenFile,
                AllowAnonymous = options.AnonymousAuth,
            },
            app.Services.GetRequiredService<IAuthorizer>());
        app.UseMiddleware<RequestAuthorization>();
        app.UseMiddleware<AggregatedApiRouting>();
        app.Run(context => context.RequestServices.GetRequiredService<ApiRequestDispatcher>().DispatchAsync(context));

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var clusterOptions = app.Services.GetRequiredService<IOptions<LocalClusterOptions>>().Value;
            var server = ServerUri(app);
            var kubeconfig = Path.GetFullPath(clusterOptions.ResolvedKubeconfigPath);
            KubeconfigWriter.Write(kubeconfig, server, pki);
            LogServing(app.Logger, server, kubeconfig);
        });
        return app;
    }

    /// <summary>The HTTPS address clients use (loopback when listening on every interface), known once the server started.</summary>
    public static Uri ServerUri(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The local cluster is not listening yet.");
        var uri = new Uri(address);
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "127.0.0.1" : uri.Host;
        return new UriBuilder("https", host, uri.Port).Uri;
    }

    private static void AddClusterServices(IServiceCollection services)
    {
        services.AddSingleton<ObjectStore>();
        services.AddSingleton<ResourceRegistry>();
        services.AddSingleton<IResourceStrategy, NamespaceStrategy>();
        services.AddSingleton<IResourceStrategy, CrdStrategy>();
        services.AddSingleton<IResourceStrategy, ApiServiceStrategy>();
        services.AddSingleton<IResourceStrategy, CustomResourceStrategy>();
        services.AddSingleton<IResourceStrategy, BuiltInFieldsStrategy>();
        services.AddSingleton<IResourceStrategy, SecretStrategy>();
        services.AddSingleton<IResourceStrategy, RoleBindingStrategy>();
        services.AddSingleton<ResourceStrategies>();
        services.AddSingleton<NamespaceAdmission>();
        services.AddSingleton<ResourceReader>();
        services.AddSingleton<UpdateComposer>();
        services.AddSingleton<GeneratedNames>();
        services.AddSingleton<ResourceWriter>();
        services.AddSingleton<ResourceDeleter>();
        services.AddSingleton<TableConverter>();
        services.AddSingleton<WatchEventEncoder>();
        services.AddSingleton<WatchStreamer>();
        services.AddSingleton<ApiServiceGroups>();
        services.AddSingleton<DiscoveryDocuments>();
        services.AddSingleton<OpenApiV3Documents>();
        services.AddSingleton<RbacRuleResolver>();
        services.AddSingleton<AccessReviewEvaluator>();
        services.AddSingleton<ReviewEndpoints>();
        services.AddSingleton<NonResourceEndpoints>();
        services.AddSingleton<ResourceEndpoints>();
        services.AddSingleton<ApiRequestDispatcher>();

        services.AddSingleton<IRbacObjectSource, StoreRbacObjectSource>();
        services.AddSingleton<IAuthorizer, RbacAuthorizer>();
        services.AddSingleton<IApiServiceConditionSink, StoreApiServiceConditionSink>();

        // Hosted services start in this order: namespaces and CRDs, then the RBAC policy and the ConfigMap in kube-system.
        services.AddHostedService<CustomResourceDefinitionController>();
        services.AddHostedService<ClusterBootstrap>();
        services.AddHostedService<BootstrapPolicyWriter>();
        services.AddHostedService<ExtensionAuthenticationPublisher>();
        services.AddHostedService<ClusterRoleAggregationController>();
        services.AddHostedService<ApiServiceRegistrationController>();
        services.AddHostedService<GarbageCollector>();
        services.AddHostedService<NamespaceController>();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Local cluster serving at {Server}; admin kubeconfig written to {Kubeconfig}")]
    private static partial void LogServing(ILogger logger, Uri server, string kubeconfig);

    private static IPAddress ListenAddress(string address) =>
        address == "localhost" ? IPAddress.Loopback : IPAddress.Parse(address);
}
