using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using VmLifecycle.LocalCluster.Requests;

namespace VmLifecycle.LocalCluster.Tests.Serving;

public sealed class ApiRequestInfoParserTests
{
    [Theory]
    [InlineData("GET", "/api/v1/namespaces/ns/configmaps/cm", "", "get", "", "ns", "configmaps", "", "cm")]
    [InlineData("GET", "/api/v1/namespaces/ns/configmaps", "", "list", "", "ns", "configmaps", "", "")]
    [InlineData("GET", "/api/v1/configmaps", "watch=true", "watch", "", "", "configmaps", "", "")]
    [InlineData("GET", "/api/v1/watch/namespaces/ns/configmaps", "", "watch", "", "ns", "configmaps", "", "")]
    [InlineData("GET", "/api/v1/namespaces/ns/configmaps", "fieldSelector=metadata.name%3Dcm", "list", "", "ns", "configmaps", "", "cm")]
    [InlineData("POST", "/apis/kubevirt.io/v1/namespaces/ns/virtualmachines", "", "create", "kubevirt.io", "ns", "virtualmachines", "", "")]
    [InlineData("PUT", "/apis/kubevirt.io/v1/namespaces/ns/virtualmachines/vm/status", "", "update", "kubevirt.io", "ns", "virtualmachines", "status", "vm")]
    [InlineData("PATCH", "/apis/kubevirt.io/v1/namespaces/ns/virtualmachines/vm", "", "patch", "kubevirt.io", "ns", "virtualmachines", "", "vm")]
    [InlineData("DELETE", "/apis/kubevirt.io/v1/namespaces/ns/virtualmachines", "", "deletecollection", "kubevirt.io", "ns", "virtualmachines", "", "")]
    [InlineData("DELETE", "/api/v1/namespaces/ns", "", "delete", "", "ns", "namespaces", "", "ns")]
    [InlineData("PUT", "/api/v1/namespaces/ns/finalize", "", "update", "", "ns", "namespaces", "finalize", "ns")]
    [InlineData("GET", "/apis/rbac.authorization.k8s.io/v1/clusterroles/admin", "", "get", "rbac.authorization.k8s.io", "", "clusterroles", "", "admin")]
    public void Resource_Requests_Resolve_Like_RequestInfo(string method, string path, string query, string verb, string group, string ns, string resource, string subresource, string name)
    {
        var info = ApiRequestInfoParser.Parse(method, path, new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)));

        Assert.True(info.IsResourceRequest);
        Assert.Equal((verb, group, ns, resource, subresource, name), (info.Verb, info.Group, info.Namespace, info.Resource, info.Subresource, info.Name));
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/apis")]
    [InlineData("/apis/kubevirt.io")]
    [InlineData("/apis/kubevirt.io/v1")]
    [InlineData("/api/v1")]
    [InlineData("/openapi/v3")]
    public void Discovery_And_Other_Paths_Are_Non_Resource_Requests(string path)
    {
        var info = ApiRequestInfoParser.Parse("GET", path, new QueryCollection(new Dictionary<string, StringValues>()));

        Assert.False(info.IsResourceRequest);
        Assert.Equal(("get", path), (info.Verb, info.Path));
    }
}
