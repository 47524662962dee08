using static VmLifecycle.LocalCluster.Protobuf.ProtobufFieldKind;

namespace VmLifecycle.LocalCluster.Protobuf;

/// <summary>
/// The protobuf layouts (k8s.io/api generated.proto) of the built-in kinds kubectl sends as protobuf through
/// its typed clients: <c>kubectl create configmap|secret|namespace|serviceaccount|role|rolebinding|clusterrole|clusterrolebinding</c>
/// <c>kubectl auth can-i</c> and <c>kubectl auth whoami</c>.
/// </summary>
internal static class KubernetesProtobufLayouts
{
    private static readonly ProtobufMessage _ownerReference = new ProtobufMessage()
        .With(5, "apiVersion", Text).With(1, "kind", Text).With(3, "name", Text).With(4, "uid", Text)
        .With(6, "controller", Flag).With(7, "blockOwnerDeletion", Flag);

    private static readonly ProtobufMessage _objectMeta = new ProtobufMessage()
        .With(1, "name", Text).With(2, "generateName", Text).With(3, "namespace", Text).With(5, "uid", Text)
        .With(6, "resourceVersion", Text).With(7, "generation", Integer).With(8, "creationTimestamp", Time)
        .With(9, "deletionTimestamp", Time).With(10, "deletionGracePeriodSeconds", Integer)
        .With(11, "labels", StringMap).With(12, "annotations", StringMap)
        .With(13, "ownerReferences", Message, repeated: true, _ownerReference).With(14, "finalizers", Text, repeated: true);

    private static readonly ProtobufMessage _policyRule = new ProtobufMessage()
        .With(1, "verbs", Text, repeated: true).With(2, "apiGroups", Text, repeated: true).With(3, "resources", Text, repeated: true)
        .With(4, "resourceNames", Text, repeated: true).With(5, "nonResourceURLs", Text, repeated: true);

    private static readonly ProtobufMessage _labelSelector = new ProtobufMessage()
        .With(1, "matchLabels", StringMap)
        .With(2, "matchExpressions", Message, repeated: true, new ProtobufMessage().With(1, "key", Text).With(2, "operator", Text).With(3, "values", Text, repeated: true));

    private static readonly ProtobufMessage _subject = new ProtobufMessage()
        .With(1, "kind", Text).With(2, "apiGroup", Text).With(3, "name", Text).With(4, "namespace", Text);

    private static readonly ProtobufMessage _roleRef = new ProtobufMessage().With(1, "apiGroup", Text).With(2, "kind", Text).With(3, "name", Text);

    private static readonly ProtobufMessage _resourceAttributes = new ProtobufMessage()
        .With(1, "namespace", Text).With(2, "verb", Text).With(3, "group", Text).With(4, "version", Text)
        .With(5, "resource", Text).With(6, "subresource", Text).With(7, "name", Text);

    private static readonly ProtobufMessage _nonResourceAttributes = new ProtobufMessage().With(1, "path", Text).With(2, "verb", Text);

    private static readonly ProtobufMessage _selfReviewSpec = new ProtobufMessage()
        .With(1, "resourceAttributes", Message, message: _resourceAttributes).With(2, "nonResourceAttributes", Message, message: _nonResourceAttributes);

    private static readonly ProtobufMessage _reviewSpec = new ProtobufMessage()
        .With(1, "resourceAttributes", Message, message: _resourceAttributes).With(2, "nonResourceAttributes", Message, message: _nonResourceAttributes)
        .With(3, "user", Text).With(4, "groups", Text, repeated: true)
        .With(5, "extra", StringListMap).With(6, "uid", Text);

    private static readonly Dictionary<string, ProtobufMessage> _byKind = new(StringComparer.Ordinal)
    {
        ["ConfigMap"] = Object().With(2, "data", StringMap).With(3, "binaryData", BytesMap).With(4, "immutable", Flag),
        ["Secret"] = Object().With(2, "data", BytesMap).With(3, "type", Text).With(4, "stringData", StringMap).With(5, "immutable", Flag),
        ["Namespace"] = Object().With(2, "spec", Message, message: new ProtobufMessage().With(1, "finalizers", Text, repeated: true)),
        ["ServiceAccount"] = Object().With(4, "automountServiceAccountToken", Flag),
        ["Role"] = Object().With(2, "rules", Message, repeated: true, _policyRule),
        ["ClusterRole"] = Object().With(2, "rules", Message, repeated: true, _policyRule)
            .With(3, "aggregationRule", Message, message: new ProtobufMessage().With(1, "clusterRoleSelectors", Message, repeated: true, _labelSelector)),
        ["RoleBinding"] = Object().With(2, "subjects", Message, repeated: true, _subject).With(3, "roleRef", Message, message: _roleRef),
        ["ClusterRoleBinding"] = Object().With(2, "subjects", Message, repeated: true, _subject).With(3, "roleRef", Message, message: _roleRef),
        ["SelfSubjectAccessReview"] = Object().With(2, "spec", Message, message: _selfReviewSpec),
        ["SubjectAccessReview"] = Object().With(2, "spec", Message, message: _reviewSpec),
        ["LocalSubjectAccessReview"] = Object().With(2, "spec", Message, message: _reviewSpec),
        ["SelfSubjectReview"] = Object(),
        ["SelfSubjectRulesReview"] = Object().With(2, "spec", Message, message: new ProtobufMessage().With(1, "namespace", Text)),
    };

    public static ProtobufMessage? ForKind(string kind) => _byKind.GetValueOrDefault(kind);

    private static ProtobufMessage Object() => new ProtobufMessage().With(1, "metadata", Message, message: _objectMeta);
}
