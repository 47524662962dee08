using k8s.Models;

namespace VmLifecycle.LocalCluster.Security.Authorization;

/// <summary>
/// One step of walking a user's RBAC bindings: either a rule granted through a binding (with kube's description of
/// that binding, used in the "allowed by" reason) or the error of a binding whose role does not exist.
/// </summary>
internal sealed record BoundRule(V1PolicyRule? Rule, string Source, string Error)
{
    public static BoundRule Granted(V1PolicyRule rule, string source) => new(rule, source, "");

    public static BoundRule Failed(string error) => new(null, "", error);
}
