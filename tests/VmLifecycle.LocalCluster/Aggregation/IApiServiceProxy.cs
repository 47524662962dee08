using System.Diagnostics.CodeAnalysis;
using k8s.Models;
using VmLifecycle.LocalCluster.Security;

namespace VmLifecycle.LocalCluster.Aggregation;

/// <summary>
/// The aggregation layer as the request pipeline sees it: it is told the stored APIServices, asked whether a
/// group/version belongs to an extension API server, and hands such requests over after authentication.
/// </summary>
internal interface IApiServiceProxy
{
    /// <summary>Called with every APIService whenever one is created, updated or deleted (and once at start).</summary>
    void SetApiServices(IEnumerable<V1APIService> apiServices);

    /// <summary>True when /apis/GROUP/VERSION/... is served by an extension API server (an APIService with a service).</summary>
    bool TryGetApiService(string group, string version, [NotNullWhen(true)] out V1APIService? apiService);

    /// <summary>Forwards the request as <paramref name="user"/> and streams the answer back; 503 while not Available.</summary>
    Task ProxyAsync(HttpContext context, UserInfo user, CancellationToken cancellationToken);
}
