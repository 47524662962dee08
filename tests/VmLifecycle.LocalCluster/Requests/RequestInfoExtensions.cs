namespace VmLifecycle.LocalCluster.Requests;

/// <summary>Where the request's parsed <see cref="ApiRequestInfo"/> is kept for the handlers after authorization.</summary>
internal static class RequestInfoExtensions
{
    private const string ItemKey = "VmLifecycle.LocalCluster.RequestInfo";

    public static void SetRequestInfo(this HttpContext context, ApiRequestInfo info) => context.Items[ItemKey] = info;

    public static ApiRequestInfo GetRequestInfo(this HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is ApiRequestInfo info
            ? info
            : ApiRequestInfoParser.Parse(context.Request.Method, context.Request.Path.Value ?? "/", context.Request.Query);
}
