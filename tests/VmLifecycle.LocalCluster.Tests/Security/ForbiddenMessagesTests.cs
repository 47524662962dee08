using VmLifecycle.LocalCluster.Security;
using VmLifecycle.LocalCluster.Security.Authorization;
using static VmLifecycle.LocalCluster.Tests.Security.RequestAttributesFor;

namespace VmLifecycle.LocalCluster.Tests.Security;

public sealed class ForbiddenMessagesTests
{
    private static readonly UserInfo _jane = UserInfo.Create("jane");

    [Fact]
    public void A_namespaced_subresource_request_reads_as_kube_apiserver_writes_it()
    {
        var request = Resource(_jane, "update", "subresources.kubevirt.io", "virtualmachines", "start", "default", "my-vm");

        Assert.Equal(
            "User \"jane\" cannot update resource \"virtualmachines/start\" in API group \"subresources.kubevirt.io\" in the namespace \"default\"",
            ForbiddenMessages.Describe(request));
        Assert.Equal(
            "virtualmachines.subresources.kubevirt.io \"my-vm\" is forbidden: User \"jane\" cannot update resource \"virtualmachines/start\" in API group \"subresources.kubevirt.io\" in the namespace \"default\"",
            ForbiddenMessages.StatusMessage(request, ""));
    }

    [Fact]
    public void A_cluster_scoped_request_in_the_core_group_reads_at_the_cluster_scope()
    {
        var request = Resource(_jane, "list", "", "nodes");

        Assert.Equal(
            "nodes is forbidden: User \"jane\" cannot list resource \"nodes\" in API group \"\" at the cluster scope",
            ForbiddenMessages.StatusMessage(request, ""));
    }

    [Fact]
    public void A_non_resource_request_names_the_path()
    {
        Assert.Equal(
            "forbidden: User \"jane\" cannot get path \"/metrics\"",
            ForbiddenMessages.StatusMessage(Path(_jane, "get", "/metrics"), ""));
    }

    [Fact]
    public void The_authorizer_reason_is_appended_after_a_colon()
    {
        var request = Resource(_jane, "get", "", "pods", "", "default", "p");

        Assert.Equal(
            "pods \"p\" is forbidden: User \"jane\" cannot get resource \"pods\" in API group \"\" in the namespace \"default\": RBAC: role.rbac.authorization.k8s.io \"x\" not found",
            ForbiddenMessages.StatusMessage(request, "RBAC: role.rbac.authorization.k8s.io \"x\" not found"));
    }

    [Fact]
    public void The_status_is_a_403_forbidden_with_details_of_the_resource()
    {
        var status = ForbiddenMessages.Status(Resource(_jane, "get", "kubevirt.io", "virtualmachines", "", "default", "vm"), "");

        Assert.Equal(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"virtualmachines.kubevirt.io \\u0022vm\\u0022 is forbidden: User \\u0022jane\\u0022 cannot get resource \\u0022virtualmachines\\u0022 in API group \\u0022kubevirt.io\\u0022 in the namespace \\u0022default\\u0022\",\"reason\":\"Forbidden\",\"details\":{\"name\":\"vm\",\"group\":\"kubevirt.io\",\"kind\":\"virtualmachines\"},\"code\":403}",
            status.Status.ToJsonString());
    }

    [Fact]
    public void The_unauthorized_status_is_what_kubectl_turns_into_you_must_be_logged_in()
    {
        Assert.Equal(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}",
            VmLifecycle.LocalCluster.Errors.ApiStatus.Unauthorized().Status.ToJsonString());
    }
}
