namespace VmLifecycle.LocalCluster.Patching;

/// <summary>A PATCH body with its media type (the Content-Type without parameters).</summary>
internal sealed record PatchRequest(string MediaType, string Body)
{
    public const string JsonPatch = "application/json-patch+json";
    public const string MergePatch = "application/merge-patch+json";
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";
    public const string ApplyPatch = "application/apply-patch+yaml";
}
