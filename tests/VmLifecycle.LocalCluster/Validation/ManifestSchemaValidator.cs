using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;

namespace VmLifecycle.LocalCluster.Validation;

/// <summary>
/// Validates a manifest against a CRD version's openAPIV3Schema as kube-apiserver does on create:
/// defaults applied, unknown fields pruned (and reported), then schema validation.
/// Public so tests of other components can check example manifests against the chart's CRDs.
/// </summary>
public static class ManifestSchemaValidator
{
    /// <summary>Validates a copy of <paramref name="manifest"/>; the manifest itself is not modified.</summary>
    public static SchemaValidationResult Validate(JsonNode manifest, JsonNode openApiV3Schema)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(openApiV3Schema);
        var schema = CompiledSchema.Compile(openApiV3Schema.AsObject());
        var copy = manifest.DeepClone();
        SchemaDefaulter.Apply(copy, schema);
        var unknown = SchemaPruner.Prune(copy, schema, "", isRoot: true);
        var errors = new List<FieldError>();
        SchemaValidator.Validate(copy, schema, "", errors);
        return new SchemaValidationResult(errors, unknown, copy);
    }
}
