namespace VmLifecycle.LocalCluster.Security;

/// <summary>Where the authentication middleware leaves the request's user for the handlers after it.</summary>
internal static class RequestUserExtensions
{
    private const string ItemKey = "VmLifecycle.LocalCluster.User";

    public static void SetUser(this HttpContext context, UserInfo user) => context.Items[ItemKey] = user;

    public static UserInfo GetUser(this HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is UserInfo user
            ? user
            : throw new InvalidOperationException("The request has not been authenticated.");
}
