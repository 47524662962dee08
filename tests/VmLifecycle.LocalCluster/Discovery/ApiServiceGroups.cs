using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Resources;
using VmLifecycle.LocalCluster.Storage;

namespace VmLifecycle.LocalCluster.Discovery;

/// <summary>
/// The group/versions registered by service-backed APIServices: kube-apiserver lists them in <c>/apis</c> and
/// <c>/apis/GROUP</c> itself (ordered by versionPriority), while <c>/apis/GROUP/VERSION</c> is the backend's to answer.
/// </summary>
internal sealed class ApiServiceGroups(ObjectStore store)
{
    public IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups()
    {
        var services = store.List(BuiltInResources.ApiServices.StorageKey, null).Objects
            .Where(a => a["spec"]?["service"] is JsonObject && a["spec"]?["group"] is not null && a["spec"]?["version"] is not null)
            .Select(a => (
                Group: a["spec"]!["group"]!.GetValue<string>(),
                Version: a["spec"]!["version"]!.GetValue<string>(),
                Priority: Validation.SchemaNodes.Number(a["spec"]!["versionPriority"]) ?? 0));
        return [.. services
            .GroupBy(s => s.Group)
            .Select(g => (g.Key, (IReadOnlyList<string>)[.. g
                .OrderByDescending(s => s.Priority)
                .ThenByDescending(s => s.Version, KubeVersionComparer.Instance)
                .Select(s => s.Version)]))];
    }
}
