using System.Globalization;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Resources;
using VmLifecycle.LocalCluster.Selectors;
using VmLifecycle.LocalCluster.Tables;

namespace VmLifecycle.LocalCluster.Watch;

/// <summary>The parameters of a watch: where to start, what to send, for how long.</summary>
internal sealed record WatchRequest(
    ResourceDefinition Definition,
    string? Namespace,
    ListFilter Filter,
    long? AfterResourceVersion,
    bool SendInitialEvents,
    bool AllowBookmarks,
    TimeSpan? Timeout,
    IncludeObjectPolicy? AsTable)
{
    public static WatchRequest From(ResourceDefinition definition, string? @namespace, IQueryCollection query, IncludeObjectPolicy? asTable)
    {
        var version = query["resourceVersion"].ToString();
        long? after = null;
        if (version.Length > 0 && version != "0")
        {
            after = long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw ApiStatus.BadRequest($"invalid resource version: {version}");
        }

        TimeSpan? timeout = int.TryParse(query["timeoutSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : null;
        return new WatchRequest(
            definition,
            @namespace,
            ListFilter.FromQuery(query, definition),
            after,
            query["sendInitialEvents"] == "true",
            query["allowWatchBookmarks"] == "true",
            timeout,
            asTable);
    }
}
