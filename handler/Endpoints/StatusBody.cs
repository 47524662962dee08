using System.Text.Json.Serialization;

namespace VmLifecycle.Handler.Endpoints;

/// <summary>
/// A metav1.Status as written on the wire. KubernetesClient's V1Status cannot be serialized (its converter only reads),
/// so the handler writes this shape itself.
/// </summary>
internal sealed record StatusBody(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message,
    [property: JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    [property: JsonPropertyName("details"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StatusBodyDetails? Details,
    [property: JsonPropertyName("code")] int Code)
{
    [JsonPropertyName("kind")]
    public string Kind { get; } = "Status";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; } = "v1";

    [JsonPropertyName("metadata")]
    public Dictionary<string, string> Metadata { get; } = [];
}

/// <summary>metav1.StatusDetails: which object the Status is about.</summary>
internal sealed record StatusBodyDetails(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("group")] string Group,
    [property: JsonPropertyName("kind")] string Kind);

[JsonSerializable(typeof(StatusBody))]
internal sealed partial class StatusBodyJsonContext : JsonSerializerContext;
