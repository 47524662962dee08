using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Selectors;
using VmLifecycle.LocalCluster.Storage;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>Get and list, with selectors and limit/continue paging.</summary>
internal sealed class ResourceReader(ObjectStore store)
{
    /// <summary>The object at the requested version: one copy, made from the stored object under the store's lock.</summary>
    public JsonObject Get(ResourceDefinition definition, string @namespace, string name) =>
        store.Read(new ObjectKey(definition.StorageKey, definition.Namespaced ? @namespace : "", name), stored => ObjectVersioning.ForVersion(definition, stored))
            ?? throw ApiStatus.NotFound(definition.Resource, definition.Group, name);

    public bool Exists(ResourceDefinition definition, string @namespace, string name) =>
        store.Contains(new ObjectKey(definition.StorageKey, definition.Namespaced ? @namespace : "", name));

    /// <summary>Lists a resource in a namespace (all namespaces when null) as a <c>KindList</c>.</summary>
    public JsonObject List(ResourceDefinition definition, string? @namespace, ListFilter filter, int? limit, string? continueToken)
    {
        var (objects, resourceVersion) = store.List(definition.StorageKey, definition.Namespaced ? @namespace : null);
        var matching = objects.Where(filter.Matches).ToList();
        var start = 0;
        if (!string.IsNullOrEmpty(continueToken))
        {
            var after = DecodeContinue(continueToken);
            start = matching.FindIndex(o => string.CompareOrdinal(Position(o), after) > 0);
            if (start < 0)
            {
                start = matching.Count;
            }
        }

        var page = matching.Skip(start).ToList();
        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) };
        if (limit is > 0 && page.Count > limit.Value)
        {
            var remaining = page.Count - limit.Value;
            page = page.Take(limit.Value).ToList();
            metadata["continue"] = EncodeContinue(Position(page[^1]));
            metadata["remainingItemCount"] = remaining;
        }

        var items = new JsonArray();
        foreach (var item in page)
        {
            items.Add(ObjectVersioning.ForVersionOwned(definition, item));
        }

        return new JsonObject
        {
            ["apiVersion"] = definition.GroupVersion,
            ["kind"] = definition.ListKind,
            ["metadata"] = metadata,
            ["items"] = items,
        };
    }

    private static string Position(JsonObject obj) => ObjectMeta.Namespace(obj) + "/" + ObjectMeta.Name(obj);

    private static string EncodeContinue(string position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject { ["v"] = "meta.k8s.io/v1", ["start"] = position }.ToJsonString()));

    private static string DecodeContinue(string token)
    {
        try
        {
            var json = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)));
            return json?["start"]?.GetValue<string>() ?? throw ApiStatus.BadRequest("continue key is not valid: missing start");
        }
        catch (Exception exception) when (exception is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            throw ApiStatus.BadRequest($"continue key is not valid: {exception.Message}");
        }
    }
}
