using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>metav1.DeleteOptions from the body and query: preconditions, propagation policy, dry run.</summary>
internal sealed record DeletionOptions(string? PreconditionUid, string? PreconditionResourceVersion, PropagationPolicy Propagation, bool DryRun)
{
    public static DeletionOptions Default { get; } = new(null, null, PropagationPolicy.Background, false);

    public static DeletionOptions From(JsonObject? body, IQueryCollection query)
    {
        var policyText = body?["propagationPolicy"]?.GetValue<string>() ?? query["propagationPolicy"].FirstOrDefault();
        var orphan = body?["orphanDependents"]?.GetValue<bool>() ?? (bool.TryParse(query["orphanDependents"], out var o) ? o : (bool?)null);
        var policy = policyText switch
        {
            null or "" => orphan == true ? PropagationPolicy.Orphan : PropagationPolicy.Background,
            "Background" => PropagationPolicy.Background,
            "Foreground" => PropagationPolicy.Foreground,
            "Orphan" => PropagationPolicy.Orphan,
            _ => throw ApiStatus.Invalid("DeleteOptions", "", "",
                [new Errors.FieldError("propagationPolicy", "FieldValueNotSupported", $"Unsupported value: \"{policyText}\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"")]),
        };
        var dryRun = body?["dryRun"] is JsonArray array ? array.Any(v => v?.GetValue<string>() == "All") : query["dryRun"].Contains("All");
        return new DeletionOptions(
            body?["preconditions"]?["uid"]?.GetValue<string>(),
            body?["preconditions"]?["resourceVersion"]?.GetValue<string>(),
            policy,
            dryRun);
    }
}
