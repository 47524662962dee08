using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>Runs the strategies that apply to a resource, in registration order.</summary>
internal sealed class ResourceStrategies(IEnumerable<IResourceStrategy> strategies)
{
    private readonly IReadOnlyList<IResourceStrategy> _strategies = [.. strategies];

    public IReadOnlyList<string> Decode(ResourceDefinition definition, JsonObject obj) =>
        [.. For(definition).SelectMany(s => s.Decode(definition, obj))];

    public void PrepareForCreate(ResourceDefinition definition, JsonObject obj)
    {
        foreach (var strategy in For(definition))
        {
            strategy.PrepareForCreate(definition, obj);
        }
    }

    public void PrepareForUpdate(ResourceDefinition definition, JsonObject obj, JsonObject old)
    {
        foreach (var strategy in For(definition))
        {
            strategy.PrepareForUpdate(definition, obj, old);
        }
    }

    public IReadOnlyList<FieldError> Validate(ResourceDefinition definition, JsonObject obj, JsonObject? old) =>
        [.. For(definition).SelectMany(s => s.Validate(definition, obj, old))];

    private IEnumerable<IResourceStrategy> For(ResourceDefinition definition) => _strategies.Where(s => s.AppliesTo(definition));
}
