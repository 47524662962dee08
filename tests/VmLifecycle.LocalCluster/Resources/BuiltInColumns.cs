using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>Computed columns of built-in kinds, as kube-apiserver's printers show them.</summary>
internal static class BuiltInColumns
{
    public static PrinterColumn NodeStatus { get; } = new("Status", "string", "", "The status of the node.", 0, "")
    {
        Compute = node =>
        {
            var ready = Condition(node, "Ready")?["status"]?.GetValue<string>();
            var status = ready switch { "True" => "Ready", null => "Unknown", _ => "NotReady" };
            return node["spec"]?["unschedulable"]?.GetValue<bool>() == true ? status + ",SchedulingDisabled" : status;
        },
    };

    public static PrinterColumn ApiServiceService { get; } = new("Service", "string", "", "The service that serves the API.", 0, "")
    {
        Compute = apiService => apiService["spec"]?["service"] is JsonObject service
            ? $"{service["namespace"]?.GetValue<string>()}/{service["name"]?.GetValue<string>()}"
            : "Local",
    };

    public static PrinterColumn ApiServiceAvailable { get; } = new("Available", "string", "", "Whether the API is available.", 0, "")
    {
        Compute = apiService => Condition(apiService, "Available") is { } available
            ? available["status"]?.GetValue<string>() == "True" ? "True" : $"{available["status"]?.GetValue<string>()} ({available["reason"]?.GetValue<string>()})"
            : "Unknown",
    };

    private static JsonObject? Condition(JsonObject obj, string type) =>
        (obj["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(c => c["type"]?.GetValue<string>() == type);
}
