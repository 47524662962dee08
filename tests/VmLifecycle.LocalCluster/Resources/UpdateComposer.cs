using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>
/// Computes the next state of an updated object as kube-apiserver does: server-managed metadata kept, status
/// taken from the old object on the main endpoint (only status taken from the new one on /status), generation
/// bumped when anything but metadata and status changed, then strategies and finalizer rules validated.
/// </summary>
internal sealed class UpdateComposer(ResourceStrategies strategies)
{
    /// <summary>The state an update (PUT or patched object) leads to, validated; throws 422 when invalid.</summary>
    public JsonObject Compose(ResourceDefinition definition, JsonObject current, JsonObject submitted, bool statusOnly)
    {
        JsonObject next;
        if (statusOnly)
        {
            next = (JsonObject)current.DeepClone();
            if (submitted["status"] is { } status)
            {
                next["status"] = status.DeepClone();
            }
            else
            {
                next.Remove("status");
            }

            var version = ObjectMeta.ResourceVersion(submitted);
            ObjectMeta.Of(next)["resourceVersion"] = version.Length > 0 ? version : null;
        }
        else
        {
            next = ObjectVersioning.ForVersion(definition, submitted);
            if (definition.HasStatusSubresource)
            {
                if (current["status"] is { } status)
                {
                    next["status"] = status.DeepClone();
                }
                else
                {
                    next.Remove("status");
                }
            }

            var metadata = ObjectMeta.Of(next);
            foreach (var managed in (string[])["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation"])
            {
                if (current["metadata"]?[managed] is { } value)
                {
                    metadata[managed] = value.DeepClone();
                }
                else
                {
                    metadata.Remove(managed);
                }
            }

            metadata.Remove("managedFields");
            strategies.PrepareForUpdate(definition, next, current);
        }

        if (ObjectMeta.ResourceVersion(next).Length == 0)
        {
            ObjectMeta.Of(next).Remove("resourceVersion");
        }

        if (definition.TracksGeneration && SpecChanged(definition, current, next))
        {
            ObjectMeta.Of(next)["generation"] = ObjectMeta.Generation(current) + 1;
        }

        var errors = strategies.Validate(definition, next, current).ToList();
        errors.AddRange(FinalizerRules.Validate(current, next));
        if (errors.Count > 0)
        {
            throw ApiStatus.Invalid(definition.Kind, definition.Group, ObjectMeta.Name(current), errors);
        }

        return next;
    }

    /// <summary>Whether anything but metadata, apiVersion, kind (and status, with a status subresource) differs; compares in place, without copies.</summary>
    private static bool SpecChanged(ResourceDefinition definition, JsonObject current, JsonObject next)
    {
        bool Ignored(string field) => field is "metadata" or "apiVersion" or "kind" || (definition.HasStatusSubresource && field == "status");

        var compared = 0;
        foreach (var (field, value) in next)
        {
            if (Ignored(field))
            {
                continue;
            }

            if (!current.TryGetPropertyValue(field, out var previous) || !JsonNode.DeepEquals(previous, value))
            {
                return true;
            }

            compared++;
        }

        // Every field of next is in current with the same value; current has more fields only if some were removed.
        return current.Count(pair => !Ignored(pair.Key)) != compared;
    }
}
