using Microsoft.Extensions.DependencyInjection.Extensions;

namespace VmLifecycle.LocalCluster.Aggregation;

/// <summary>Registers the aggregation layer; the host must also register an <see cref="IApiServiceConditionSink"/>.</summary>
internal static class AggregationServiceCollectionExtensions
{
    public static IServiceCollection AddAggregationLayer(this IServiceCollection services, AggregationOptions options)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<ApiServiceRegistry>();
        services.AddSingleton<IApiServiceProxy, ApiServiceProxy>();
        services.AddSingleton<ApiServiceAvailabilityMonitor>();
        services.AddHostedService(provider => provider.GetRequiredService<ApiServiceAvailabilityMonitor>());
        return services;
    }
}
