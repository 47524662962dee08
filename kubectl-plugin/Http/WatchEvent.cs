using System.Text.Json;

namespace VmLifecycle.KubectlPlugin.Http;

/// <summary>One line of a watch stream: ADDED, MODIFIED, DELETED, BOOKMARK or ERROR, and the object (a Status for ERROR).</summary>
internal sealed record WatchEvent(string Type, JsonElement Object)
{
    public const string Deleted = "DELETED";
    public const string Bookmark = "BOOKMARK";
    public const string Error = "ERROR";
}
