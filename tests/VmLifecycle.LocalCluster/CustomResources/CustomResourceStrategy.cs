using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Resources;
using VmLifecycle.LocalCluster.Validation;

namespace VmLifecycle.LocalCluster.CustomResources;

/// <summary>Custom resources: pruning and defaulting from the CRD schema on decode, then schema validation.</summary>
internal sealed class CustomResourceStrategy : IResourceStrategy
{
    public bool AppliesTo(ResourceDefinition definition) => definition.DefinedBy is not null;

    public IEnumerable<string> Decode(ResourceDefinition definition, JsonObject obj)
    {
        var unknown = ObjectMetaFields.PruneUnknown(obj).ToList();
        if (definition.Schema is { } crdSchema)
        {
            var schema = CompiledSchema.ForCrd(crdSchema);
            unknown.AddRange(SchemaPruner.Prune(obj, schema, "", isRoot: true));
            SchemaDefaulter.Apply(obj, schema);
        }

        return unknown;
    }

    public IEnumerable<FieldError> Validate(ResourceDefinition definition, JsonObject obj, JsonObject? old)
    {
        if (definition.Schema is null)
        {
            return [];
        }

        var errors = new List<FieldError>();
        SchemaValidator.Validate(obj, CompiledSchema.ForCrd(definition.Schema), "", errors);
        return errors;
    }
}
