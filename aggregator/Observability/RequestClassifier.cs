using VmLifecycle.Aggregator.Authentication;
using VmLifecycle.Aggregator.Subresources;

namespace VmLifecycle.Aggregator.Observability;

/// <summary>The metric label of a request: "virtualmachines/start" and friends, or discovery, health, metrics, other.</summary>
internal static class RequestClassifier
{
    public static string Classify(PathString path)
    {
        if (path.Equals(AnonymousPaths.Metrics))
        {
            return "metrics";
        }

        if (AnonymousPaths.Contains(path))
        {
            return "health";
        }

        if (SubresourceRoute.TryParse(path.Value ?? "", out var route))
        {
            return SubresourceCatalog.Find(route.Resource, route.Subresource) is null ? "other" : route.ResourcePath;
        }

        var value = path.Value ?? "";
        return value is "/" or "/apis" or "/openapi/v2" || value.StartsWith(SubresourceRoute.GroupPath, StringComparison.Ordinal) ? "discovery" : "other";
    }
}
