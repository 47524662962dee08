using Prometheus;
using VmLifecycle.Aggregator.Authentication;
using VmLifecycle.Aggregator.Discovery;
using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Aggregator.Subresources;

namespace VmLifecycle.Aggregator.Hosting;

/// <summary>The request pipeline: errors as Status, metrics, front-proxy authentication, then the endpoints.</summary>
internal static class AggregatorPipeline
{
    public static WebApplication UseAggregator(this WebApplication app)
    {
        app.UseMiddleware<UnhandledErrorMiddleware>();
        app.UseMiddleware<RequestMetricsMiddleware>();
        app.UseMiddleware<FrontProxyAuthenticationMiddleware>();
        app.UseRouting();

        app.MapHealth();
        app.MapMetrics(AnonymousPaths.Metrics, app.Services.GetRequiredService<AggregatorMetrics>().Registry);
        app.MapDiscovery();
        var subresources = app.Services.GetRequiredService<SubresourceEndpoint>();
        app.Map(SubresourceRoute.VersionPath + "/namespaces/{**rest}", subresources.HandleAsync);
        app.MapNotFound();
        return app;
    }
}
