using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>
/// Unknown-field detection for built-in kinds: their top-level fields (from the k8s.io/api Go types) and ObjectMeta.
/// Nested fields of built-in kinds are not checked.
/// </summary>
internal sealed class BuiltInFieldsStrategy : IResourceStrategy
{
    private static readonly string[] _typeMeta = ["apiVersion", "kind", "metadata"];

    private static readonly Dictionary<string, string[]> _fieldsByStorageKey = new(StringComparer.Ordinal)
    {
        ["/namespaces"] = ["spec", "status"],
        ["/configmaps"] = ["data", "binaryData", "immutable"],
        ["/secrets"] = ["data", "stringData", "type", "immutable"],
        ["/serviceaccounts"] = ["secrets", "imagePullSecrets", "automountServiceAccountToken"],
        ["/services"] = ["spec", "status"],
        ["/pods"] = ["spec", "status"],
        ["/nodes"] = ["spec", "status"],
        ["/events"] =
        [
            "involvedObject", "reason", "message", "source", "firstTimestamp", "lastTimestamp", "count", "type", "eventTime",
            "series", "action", "related", "reportingComponent", "reportingInstance",
        ],
        ["events.k8s.io/events"] =
        [
            "eventTime", "series", "reportingController", "reportingInstance", "action", "reason", "regarding", "related", "note", "type",
            "deprecatedSource", "deprecatedFirstTimestamp", "deprecatedLastTimestamp", "deprecatedCount",
        ],
        ["coordination.k8s.io/leases"] = ["spec"],
        ["apps/deployments"] = ["spec", "status"],
        ["apps/daemonsets"] = ["spec", "status"],
        ["apps/statefulsets"] = ["spec", "status"],
        ["apps/replicasets"] = ["spec", "status"],
        ["admissionregistration.k8s.io/validatingwebhookconfigurations"] = ["webhooks"],
        ["admissionregistration.k8s.io/mutatingwebhookconfigurations"] = ["webhooks"],
        ["apiextensions.k8s.io/customresourcedefinitions"] = ["spec", "status"],
        ["apiregistration.k8s.io/apiservices"] = ["spec", "status"],
        ["rbac.authorization.k8s.io/roles"] = ["rules"],
        ["rbac.authorization.k8s.io/clusterroles"] = ["rules", "aggregationRule"],
        ["rbac.authorization.k8s.io/rolebindings"] = ["subjects", "roleRef"],
        ["rbac.authorization.k8s.io/clusterrolebindings"] = ["subjects", "roleRef"],
    };

    public bool AppliesTo(ResourceDefinition definition) => definition.DefinedBy is null;

    public IEnumerable<string> Decode(ResourceDefinition definition, JsonObject obj)
    {
        var unknown = ObjectMetaFields.PruneUnknown(obj).ToList();
        if (_fieldsByStorageKey.TryGetValue(definition.StorageKey, out var fields))
        {
            foreach (var key in obj.Select(p => p.Key).Where(k => !_typeMeta.Contains(k) && !fields.Contains(k)).ToList())
            {
                unknown.Add(key);
                obj.Remove(key);
            }
        }

        return unknown;
    }
}
