using k8s.Models;
using VmLifecycle.Aggregator.Authentication;
using VmLifecycle.Aggregator.Subresources;
using VmLifecycle.Api;

namespace VmLifecycle.Aggregator.Discovery;

/// <summary>
/// The legacy discovery documents of subresources.kubevirt.io/v1. Two deliberate differences from KubeVirt's virt-api:
/// the APIGroup is named correctly "subresources.kubevirt.io" (KubeVirt says "subresource.kubevirt.io"; kube-apiserver
/// serves /apis and /apis/GROUP itself from the APIService, so neither kubectl nor virtctl ever read that name), and
/// every APIResourceList entry carries its kind and verbs (client-go drops entries without a kind).
/// </summary>
internal static class DiscoveryDocuments
{
    public static readonly IReadOnlyList<string> RootPaths =
    [
        "/apis",
        SubresourceRoute.GroupPath,
        SubresourceRoute.VersionPath,
        AnonymousPaths.Healthz,
        AnonymousPaths.Livez,
        AnonymousPaths.Metrics,
        AnonymousPaths.Readyz,
    ];

    public static V1APIGroup Group() => new()
    {
        Kind = "APIGroup",
        ApiVersion = "v1",
        Name = KubeVirtGroup.SubresourceName,
        Versions = [GroupVersion()],
        PreferredVersion = GroupVersion(),
        ServerAddressByClientCIDRs = [new V1ServerAddressByClientCIDR { ClientCIDR = "0.0.0.0/0", ServerAddress = "" }],
    };

    public static V1APIGroupList GroupList()
    {
        var group = Group();
        group.Kind = null;
        group.ApiVersion = null;
        return new V1APIGroupList { Kind = "APIGroupList", ApiVersion = "v1", Groups = [group] };
    }

    public static V1APIResourceList ResourceList() => new()
    {
        Kind = "APIResourceList",
        ApiVersion = "v1",
        GroupVersion = KubeVirtGroup.SubresourceApiVersion,
        Resources = SubresourceCatalog.All.Select(descriptor => new V1APIResource
        {
            Name = descriptor.ResourcePath,
            SingularName = "",
            Namespaced = true,
            Kind = descriptor.Kind,
            Verbs = ["update"],
        }).ToList(),
    };

    private static V1GroupVersionForDiscovery GroupVersion() =>
        new() { GroupVersion = KubeVirtGroup.SubresourceApiVersion, Version = KubeVirtGroup.Version };
}
