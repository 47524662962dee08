using k8s.Models;

namespace VmLifecycle.LocalCluster.Security.Authorization;

/// <summary>
/// kube-apiserver's default ClusterRoles (bootstrappolicy/policy.go): cluster-admin, the aggregated admin/edit/view
/// with the system:aggregate-to-* roles holding their base rules, discovery and the delegation roles that
/// aggregated API servers rely on. Rules for workload groups this cluster does not serve are kept so that
/// `kubectl get clusterrole view -o yaml` reads as on a real cluster.
/// </summary>
internal static class BootstrapClusterRoles
{
    public const string AggregateToAdmin = "rbac.authorization.k8s.io/aggregate-to-admin";
    public const string AggregateToEdit = "rbac.authorization.k8s.io/aggregate-to-edit";
    public const string AggregateToView = "rbac.authorization.k8s.io/aggregate-to-view";

    private static readonly string[] _read = ["get", "list", "watch"];
    private static readonly string[] _write = ["create", "delete", "deletecollection", "patch", "update"];
    private static readonly string[] _readWrite = [.. _read, .. _write];

    public static IReadOnlyList<V1ClusterRole> All() =>
    [
        Role("cluster-admin", rules:
        [
            Rule(["*"], ["*"], ["*"]),
            new V1PolicyRule { Verbs = ["*"], NonResourceURLs = ["*"] },
        ]),
        Aggregating("admin", AggregateToAdmin, labels: []),
        Aggregating("edit", AggregateToEdit, labels: [AggregateToAdmin]),
        Aggregating("view", AggregateToView, labels: [AggregateToEdit]),
        Role("system:aggregate-to-admin", labels: [AggregateToAdmin], rules:
        [
            Rule(["create"], ["authorization.k8s.io"], ["localsubjectaccessreviews"]),
            Rule(_readWrite, ["rbac.authorization.k8s.io"], ["roles", "rolebindings"]),
        ]),
        Role("system:aggregate-to-edit", labels: [AggregateToEdit], rules:
        [
            Rule(_read, [""], ["pods/attach", "pods/proxy", "pods/exec", "pods/portforward", "secrets", "services/proxy"]),
            Rule(["impersonate"], [""], ["serviceaccounts"]),
            Rule(_write, [""], ["pods", "pods/attach", "pods/proxy", "pods/exec", "pods/portforward"]),
            Rule(["create"], [""], ["pods/eviction"]),
            Rule(_write, [""], ["replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts", "services", "services/proxy", "persistentvolumeclaims", "configmaps", "secrets", "events"]),
            Rule(["create"], [""], ["serviceaccounts/token"]),
            Rule(_write, ["apps"], ["statefulsets", "statefulsets/scale", "daemonsets", "deployments", "deployments/scale", "deployments/rollback", "replicasets", "replicasets/scale"]),
            Rule(_write, ["autoscaling"], ["horizontalpodautoscalers"]),
            Rule(_write, ["batch"], ["jobs", "cronjobs"]),
            Rule(_write, ["policy"], ["poddisruptionbudgets"]),
            Rule(_write, ["networking.k8s.io"], ["networkpolicies", "ingresses"]),
            Rule(_readWrite, ["coordination.k8s.io"], ["leases"]),
        ]),
        Role("system:aggregate-to-view", labels: [AggregateToView], rules:
        [
            Rule(_read, [""], ["pods", "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts", "services", "services/status", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "configmaps"]),
            Rule(_read, [""], ["limitranges", "resourcequotas", "bindings", "events", "pods/status", "resourcequotas/status", "namespaces/status", "replicationcontrollers/status", "pods/log"]),
            Rule(_read, [""], ["namespaces"]),
            Rule(_read, ["discovery.k8s.io"], ["endpointslices"]),
            Rule(_read, ["apps"], ["controllerrevisions", "statefulsets", "statefulsets/status", "statefulsets/scale", "daemonsets", "daemonsets/status", "deployments", "deployments/status", "deployments/scale", "replicasets", "replicasets/status", "replicasets/scale"]),
            Rule(_read, ["autoscaling"], ["horizontalpodautoscalers", "horizontalpodautoscalers/status"]),
            Rule(_read, ["batch"], ["cronjobs", "cronjobs/status", "jobs", "jobs/status"]),
            Rule(_read, ["policy"], ["poddisruptionbudgets", "poddisruptionbudgets/status"]),
            Rule(_read, ["networking.k8s.io"], ["networkpolicies", "ingresses", "ingresses/status"]),
            Rule(_read, ["events.k8s.io"], ["events"]),
        ]),
        Role("system:discovery", rules:
        [
            Urls(["get"], ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/"]),
        ]),
        Role("system:basic-user", rules:
        [
            Rule(["create"], ["authorization.k8s.io"], ["selfsubjectaccessreviews", "selfsubjectrulesreviews"]),
            Rule(["create"], ["authentication.k8s.io"], ["selfsubjectreviews"]),
        ]),
        Role("system:public-info-viewer", rules:
        [
            Urls(["get"], ["/healthz", "/livez", "/readyz", "/version", "/version/"]),
        ]),
        Role("system:auth-delegator", rules:
        [
            Rule(["create"], ["authentication.k8s.io"], ["tokenreviews"]),
            Rule(["create"], ["authorization.k8s.io"], ["subjectaccessreviews"]),
        ]),
    ];

    /// <summary>The metadata every bootstrap object carries: the rbac-defaults label and the autoupdate annotation.</summary>
    public static V1ObjectMeta Metadata(string name, string? @namespace = null, IEnumerable<string>? aggregationLabels = null)
    {
        var labels = new Dictionary<string, string> { ["kubernetes.io/bootstrapping"] = "rbac-defaults" };
        foreach (var label in aggregationLabels ?? [])
        {
            labels[label] = "true";
        }

        return new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = @namespace,
            Labels = labels,
            Annotations = new Dictionary<string, string> { ["rbac.authorization.kubernetes.io/autoupdate"] = "true" },
        };
    }

    private static V1ClusterRole Role(string name, IReadOnlyList<string>? labels = null, IList<V1PolicyRule>? rules = null) => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1",
        Kind = "ClusterRole",
        Metadata = Metadata(name, aggregationLabels: labels),
        Rules = rules ?? [],
    };

    private static V1ClusterRole Aggregating(string name, string selectorLabel, IReadOnlyList<string> labels)
    {
        var role = Role(name, labels);
        role.AggregationRule = new V1AggregationRule
        {
            ClusterRoleSelectors = [new V1LabelSelector { MatchLabels = new Dictionary<string, string> { [selectorLabel] = "true" } }],
        };
        return role;
    }

    private static V1PolicyRule Rule(string[] verbs, string[] groups, string[] resources) =>
        new() { Verbs = verbs, ApiGroups = groups, Resources = resources };

    private static V1PolicyRule Urls(string[] verbs, string[] urls) => new() { Verbs = verbs, NonResourceURLs = urls };
}
