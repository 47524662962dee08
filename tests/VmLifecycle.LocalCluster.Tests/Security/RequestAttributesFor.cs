using VmLifecycle.LocalCluster.Security;

namespace VmLifecycle.LocalCluster.Tests.Security;

/// <summary>Short ways to write the RequestAttributes a test asks about.</summary>
internal static class RequestAttributesFor
{
    public static RequestAttributes Resource(
        UserInfo user, string verb, string group, string resource, string subresource = "", string @namespace = "", string name = "") =>
        new(user, verb, IsResourceRequest: true, Path: "", group, "v1", resource, subresource, @namespace, name);

    public static RequestAttributes Path(UserInfo user, string verb, string path) =>
        new(user, verb, IsResourceRequest: false, path, "", "", "", "", "", "");

    public static UserInfo Jane { get; } = UserInfo.Create("jane", "devs", UserInfo.AuthenticatedGroup);
}
