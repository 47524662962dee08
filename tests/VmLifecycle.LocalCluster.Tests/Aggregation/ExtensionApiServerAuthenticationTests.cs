using System.Text.Json;
using VmLifecycle.LocalCluster.Aggregation;

namespace VmLifecycle.LocalCluster.Tests.Aggregation;

public sealed class ExtensionApiServerAuthenticationTests
{
    [Fact]
    public void The_configmap_has_exactly_the_keys_kube_apiserver_publishes()
    {
        var data = ExtensionApiServerAuthentication.Data("CLIENT CA", "FRONT PROXY CA");

        Assert.Equal(
            [
                "client-ca-file",
                "requestheader-allowed-names",
                "requestheader-client-ca-file",
                "requestheader-extra-headers-prefix",
                "requestheader-group-headers",
                "requestheader-uid-headers",
                "requestheader-username-headers",
            ],
            data.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("CLIENT CA", data["client-ca-file"]);
        Assert.Equal("FRONT PROXY CA", data["requestheader-client-ca-file"]);
    }

    [Fact]
    public void List_values_are_json_arrays_inside_strings()
    {
        var data = ExtensionApiServerAuthentication.Data("", "");

        Assert.Equal("[\"front-proxy-client\"]", data["requestheader-allowed-names"]);
        Assert.Equal("[\"X-Remote-User\"]", data["requestheader-username-headers"]);
        Assert.Equal("[\"X-Remote-Group\"]", data["requestheader-group-headers"]);
        Assert.Equal("[\"X-Remote-Extra-\"]", data["requestheader-extra-headers-prefix"]);
        Assert.Equal("[\"X-Remote-Uid\"]", data["requestheader-uid-headers"]);
        Assert.Equal(["X-Remote-User"], JsonSerializer.Deserialize<string[]>(data["requestheader-username-headers"])!);
    }

    [Fact]
    public void The_configmap_lives_in_kube_system()
    {
        var configMap = ExtensionApiServerAuthentication.ConfigMap("a", "b");

        Assert.Equal(("kube-system", "extension-apiserver-authentication"), (configMap.Metadata.NamespaceProperty, configMap.Metadata.Name));
    }
}
