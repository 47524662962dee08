using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>RoleBindings and ClusterRoleBindings: roleRef is immutable, as in kube-apiserver's RBAC validation.</summary>
internal sealed class RoleBindingStrategy : IResourceStrategy
{
    public bool AppliesTo(ResourceDefinition definition) =>
        definition.StorageKey is "rbac.authorization.k8s.io/rolebindings" or "rbac.authorization.k8s.io/clusterrolebindings";

    public IEnumerable<FieldError> Validate(ResourceDefinition definition, JsonObject obj, JsonObject? old)
    {
        if (obj["roleRef"] is not JsonObject roleRef || roleRef["name"] is null || roleRef["kind"] is null)
        {
            yield return new FieldError("roleRef", "FieldValueRequired", "Required value");
        }
        else if (old is not null && !JsonNode.DeepEquals(old["roleRef"], roleRef))
        {
            yield return new FieldError("roleRef", "FieldValueInvalid", $"Invalid value: {roleRef.ToJsonString()}: cannot change roleRef");
        }
    }
}
