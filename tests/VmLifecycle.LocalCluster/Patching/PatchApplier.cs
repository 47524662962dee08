using System.Text.Json;
using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Resources;

namespace VmLifecycle.LocalCluster.Patching;

/// <summary>Applies a PATCH body of any supported media type to the current object.</summary>
internal static class PatchApplier
{
    public static IReadOnlyList<string> SupportedMediaTypes(ResourceDefinition definition) =>
        definition.AcceptsStrategicMergePatch
            ? [PatchRequest.JsonPatch, PatchRequest.MergePatch, PatchRequest.StrategicMergePatch, PatchRequest.ApplyPatch]
            : [PatchRequest.JsonPatch, PatchRequest.MergePatch, PatchRequest.ApplyPatch];

    /// <summary>Rejects a media type the resource does not accept (415), before anything is read.</summary>
    public static void CheckMediaType(ResourceDefinition definition, string mediaType)
    {
        var supported = SupportedMediaTypes(definition);
        if (!supported.Contains(mediaType))
        {
            throw ApiStatus.UnsupportedMediaType(mediaType, supported);
        }
    }

    public static JsonObject Apply(PatchRequest patch, ResourceDefinition definition, JsonObject current)
    {
        CheckMediaType(definition, patch.MediaType);
        if (patch.MediaType == PatchRequest.ApplyPatch)
        {
            return ServerSideApply.Apply(current, ServerSideApply.Parse(patch.Body), definition);
        }

        var document = Parse(patch.Body);
        switch (patch.MediaType)
        {
            case PatchRequest.JsonPatch:
                if (document is not JsonArray operations)
                {
                    throw ApiStatus.BadRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
                }

                return JsonPatch.Apply(current, operations);
            case PatchRequest.MergePatch:
                return JsonMergePatch.Apply(current, RequireObject(document)).AsObject();
            default:
                return StrategicMergePatch.Apply(current, RequireObject(document));
        }
    }

    private static JsonNode? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException exception)
        {
            throw ApiStatus.BadRequest($"error decoding patch: {exception.Message}");
        }
    }

    private static JsonObject RequireObject(JsonNode? document) =>
        document as JsonObject ?? throw ApiStatus.BadRequest("couldn't get version/kind; json parse error: the patch is not a JSON object");
}
