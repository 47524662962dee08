using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>
/// The per-resource rules of a write, as kube-apiserver's REST strategies: decoding (pruning, defaulting,
/// unknown fields), what the server sets before storing, and validation. Several may apply to a resource.
/// </summary>
internal interface IResourceStrategy
{
    bool AppliesTo(ResourceDefinition definition);

    /// <summary>
    /// Normalises the submitted object as the decoder would (pruning, defaulting) and returns the paths of the
    /// unknown fields it dropped, which the fieldValidation directive turns into an error or warnings.
    /// </summary>
    IEnumerable<string> Decode(ResourceDefinition definition, JsonObject obj) => [];

    void PrepareForCreate(ResourceDefinition definition, JsonObject obj)
    {
    }

    void PrepareForUpdate(ResourceDefinition definition, JsonObject obj, JsonObject old)
    {
    }

    IEnumerable<FieldError> Validate(ResourceDefinition definition, JsonObject obj, JsonObject? old) => [];
}
