namespace VmLifecycle.LocalCluster.Resources;

/// <summary>The kube-apiserver resources the local cluster serves out of the box.</summary>
internal static class BuiltInResources
{
    public static readonly ResourceDefinition Namespaces = new()
    {
        Group = "", Version = "v1", Resource = "namespaces", SingularName = "namespace", Kind = "Namespace", Namespaced = false,
        ShortNames = ["ns"], Verbs = ["create", "delete", "get", "list", "patch", "update", "watch"], HasStatusSubresource = true,
        PrinterColumns = [new("Status", "string", "", "The phase of the namespace.", 0, ".status.phase")],
    };

    public static readonly ResourceDefinition CustomResourceDefinitions = new()
    {
        Group = "apiextensions.k8s.io", Version = "v1", Resource = "customresourcedefinitions", SingularName = "customresourcedefinition",
        Kind = "CustomResourceDefinition", Namespaced = false, ShortNames = ["crd", "crds"], Categories = ["api-extensions"],
        HasStatusSubresource = true, TracksGeneration = true,
        PrinterColumns = [new("Created At", "string", "date-time", "When the CRD was created.", 0, ".metadata.creationTimestamp")],
    };

    public static readonly ResourceDefinition ApiServices = new()
    {
        Group = "apiregistration.k8s.io", Version = "v1", Resource = "apiservices", SingularName = "apiservice", Kind = "APIService",
        Namespaced = false, Categories = ["api-extensions"], HasStatusSubresource = true, TracksGeneration = true,
        PrinterColumns = [BuiltInColumns.ApiServiceService, BuiltInColumns.ApiServiceAvailable],
    };

    public static readonly ResourceDefinition SubjectAccessReviews = Review("subjectaccessreviews", "SubjectAccessReview", namespaced: false);

    public static readonly ResourceDefinition SelfSubjectAccessReviews = Review("selfsubjectaccessreviews", "SelfSubjectAccessReview", namespaced: false);

    public static readonly ResourceDefinition LocalSubjectAccessReviews = Review("localsubjectaccessreviews", "LocalSubjectAccessReview", namespaced: true);

    public static readonly ResourceDefinition SelfSubjectRulesReviews = Review("selfsubjectrulesreviews", "SelfSubjectRulesReview", namespaced: false);

    public static readonly ResourceDefinition SelfSubjectReviews = Review("selfsubjectreviews", "SelfSubjectReview", namespaced: false) with
    {
        Group = "authentication.k8s.io",
    };

    public static IReadOnlyList<ResourceDefinition> All { get; } =
    [
        Namespaces,
        Core("configmaps", "ConfigMap", true, ["cm"]),
        Core("secrets", "Secret", true, []),
        Core("events", "Event", true, ["ev"]) with
        {
            SelectableFields =
            [
                "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion",
                "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type",
            ],
            PrinterColumns =
            [
                new("Last Seen", "date", "", "When the event was last seen.", 0, ".lastTimestamp"),
                new("Type", "string", "", "Normal or Warning.", 0, ".type"),
                new("Reason", "string", "", "Why the event happened.", 0, ".reason"),
                new("Object", "string", "", "The object the event is about.", 0, ".involvedObject.name"),
                new("Message", "string", "", "What happened.", 0, ".message"),
            ],
        },
        Core("serviceaccounts", "ServiceAccount", true, ["sa"]),
        Core("services", "Service", true, ["svc"], ["all"], hasStatus: true),
        Core("pods", "Pod", true, ["po"], ["all"], hasStatus: true) with { SelectableFields = ["spec.nodeName", "status.phase"] },
        Core("nodes", "Node", false, ["no"], hasStatus: true) with
        {
            PrinterColumns = [BuiltInColumns.NodeStatus],
        },
        new()
        {
            Group = "events.k8s.io", Version = "v1", Resource = "events", SingularName = "event", Kind = "Event", Namespaced = true, ShortNames = ["ev"],
            SelectableFields = ["regarding.kind", "regarding.namespace", "regarding.name", "regarding.uid", "reason", "reportingController", "type"],
        },
        new() { Group = "coordination.k8s.io", Version = "v1", Resource = "leases", SingularName = "lease", Kind = "Lease", Namespaced = true },
        Workload("deployments", "Deployment", ["deploy"]),
        Workload("daemonsets", "DaemonSet", ["ds"]),
        Workload("statefulsets", "StatefulSet", ["sts"]),
        Workload("replicasets", "ReplicaSet", ["rs"]),
        Webhooks("validatingwebhookconfigurations", "ValidatingWebhookConfiguration"),
        Webhooks("mutatingwebhookconfigurations", "MutatingWebhookConfiguration"),
        CustomResourceDefinitions,
        ApiServices,
        Rbac("roles", "Role", true),
        Rbac("rolebindings", "RoleBinding", true),
        Rbac("clusterroles", "ClusterRole", false),
        Rbac("clusterrolebindings", "ClusterRoleBinding", false),
        SubjectAccessReviews,
        SelfSubjectAccessReviews,
        LocalSubjectAccessReviews,
        SelfSubjectRulesReviews,
        SelfSubjectReviews,
    ];

    private static ResourceDefinition Core(string resource, string kind, bool namespaced, string[] shortNames, string[]? categories = null, bool hasStatus = false) => new()
    {
        Group = "", Version = "v1", Resource = resource, SingularName = kind.ToLowerInvariant(), Kind = kind, Namespaced = namespaced,
        ShortNames = shortNames, Categories = categories ?? [], HasStatusSubresource = hasStatus,
    };

    /// <summary>Workload kinds are stored (so charts apply) but nothing runs them: the local cluster has no controllers or kubelet.</summary>
    private static ResourceDefinition Workload(string resource, string kind, string[] shortNames) => new()
    {
        Group = "apps", Version = "v1", Resource = resource, SingularName = kind.ToLowerInvariant(), Kind = kind, Namespaced = true,
        ShortNames = shortNames, Categories = ["all"], HasStatusSubresource = true, TracksGeneration = true,
    };

    /// <summary>Webhook configurations are stored; the local cluster does not call admission webhooks.</summary>
    private static ResourceDefinition Webhooks(string resource, string kind) => new()
    {
        Group = "admissionregistration.k8s.io", Version = "v1", Resource = resource, SingularName = kind.ToLowerInvariant(), Kind = kind,
        Namespaced = false, Categories = ["api-extensions"], TracksGeneration = true,
    };

    private static ResourceDefinition Rbac(string resource, string kind, bool namespaced) => new()
    {
        Group = "rbac.authorization.k8s.io", Version = "v1", Resource = resource, SingularName = kind.ToLowerInvariant(), Kind = kind, Namespaced = namespaced,
    };

    private static ResourceDefinition Review(string resource, string kind, bool namespaced) => new()
    {
        Group = "authorization.k8s.io", Version = "v1", Resource = resource, SingularName = kind.ToLowerInvariant(), Kind = kind,
        Namespaced = namespaced, Verbs = ["create"], Stored = false,
    };
}
