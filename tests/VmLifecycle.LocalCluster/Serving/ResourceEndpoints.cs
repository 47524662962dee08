using System.Globalization;
using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Patching;
using VmLifecycle.LocalCluster.Requests;
using VmLifecycle.LocalCluster.Resources;
using VmLifecycle.LocalCluster.Security;
using VmLifecycle.LocalCluster.Selectors;
using VmLifecycle.LocalCluster.Tables;
using VmLifecycle.LocalCluster.Watch;

namespace VmLifecycle.LocalCluster.Serving;

/// <summary>The REST verbs on resources: routes a resolved request to the reader, writer, deleter, watch or review evaluator.</summary>
internal sealed class ResourceEndpoints(
    ResourceRegistry registry,
    ResourceReader reader,
    ResourceWriter writer,
    ResourceDeleter deleter,
    WatchStreamer watches,
    TableConverter tables,
    ReviewEndpoints reviews)
{
    public async Task ServeAsync(HttpContext context, ApiRequestInfo info, CancellationToken cancellationToken)
    {
        var definition = registry.Find(info.Group, info.Version, info.Resource) ?? throw ApiStatus.PathNotFound();
        var statusOnly = CheckAddress(definition, info);
        var @namespace = definition.Namespaced ? info.Namespace : "";
        var query = context.Request.Query;
        var table = RequestOptions.TablePolicy(context.Request);
        switch (info.Verb)
        {
            case "get":
                var obj = reader.Get(definition, @namespace, info.Name);
                await RespondAsync(context, table is { } one ? tables.Convert(definition, [obj], ObjectMeta.ResourceVersion(obj), one) : obj, 200, null, cancellationToken);
                break;
            case "list":
                await RespondAsync(context, List(definition, info, query, table), 200, null, cancellationToken);
                break;
            case "watch":
                await watches.StreamAsync(context, WatchRequest.From(definition, NamespaceOrAll(definition, info), query, table), cancellationToken);
                break;
            case "create":
                {
                    var body = await RequestBodies.ReadObjectAsync(context.Request, cancellationToken);
                    var write = RequestOptions.WriteContextFor(context);
                    var created = definition.Stored
                        ? writer.Create(definition, @namespace, body, write)
                        : reviews.Create(definition, @namespace, body, context.GetUser());
                    await RespondAsync(context, created, 201, write, cancellationToken);
                    break;
                }

            case "update":
                {
                    var body = await RequestBodies.ReadObjectAsync(context.Request, cancellationToken);
                    var write = RequestOptions.WriteContextFor(context);
                    await RespondAsync(context, writer.Update(definition, @namespace, info.Name, body, write, statusOnly), 200, write, cancellationToken);
                    break;
                }

            case "patch":
                {
                    var mediaType = (context.Request.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
                    PatchApplier.CheckMediaType(definition, mediaType);
                    var patch = new PatchRequest(mediaType, await RequestBodies.ReadTextAsync(context.Request, cancellationToken));
                    var write = RequestOptions.WriteContextFor(context);
                    var (patched, created) = mediaType == PatchRequest.ApplyPatch
                        ? ApplyServerSide(definition, @namespace, info.Name, patch, write, statusOnly, query)
                        : (writer.Patch(definition, @namespace, info.Name, patch, write, statusOnly), false);
                    await RespondAsync(context, patched, created ? 201 : 200, write, cancellationToken);
                    break;
                }

            case "delete":
                {
                    var options = DeletionOptions.From(await RequestBodies.ReadOptionalObjectAsync(context.Request, cancellationToken), query);
                    await RespondAsync(context, deleter.Delete(definition, @namespace, info.Name, options), 200, null, cancellationToken);
                    break;
                }

            case "deletecollection":
                {
                    var options = DeletionOptions.From(await RequestBodies.ReadOptionalObjectAsync(context.Request, cancellationToken), query);
                    var deleted = deleter.DeleteCollection(definition, NamespaceOrAll(definition, info), ListFilter.FromQuery(query, definition), options);
                    await RespondAsync(context, deleted, 200, null, cancellationToken);
                    break;
                }

            default:
                throw ApiStatus.MethodNotSupported(definition.Resource, definition.Group, info.Verb);
        }
    }

    /// <summary>Rejects paths kube-apiserver does not serve (404) and verbs the resource does not support (405); true for the status subresource.</summary>
    private static bool CheckAddress(ResourceDefinition definition, ApiRequestInfo info)
    {
        if (!definition.Namespaced && info.Namespace.Length > 0 && definition != BuiltInResources.Namespaces)
        {
            throw ApiStatus.PathNotFound();
        }

        if (definition.Namespaced && info.Namespace.Length == 0 && info.Verb is not ("list" or "watch" or "deletecollection"))
        {
            throw ApiStatus.PathNotFound();
        }

        if (info.Subresource.Length > 0
            && (info.Subresource != "status" || !definition.HasStatusSubresource || info.Verb is not ("get" or "update" or "patch")))
        {
            throw ApiStatus.PathNotFound();
        }

        var namedVerb = info.Verb is "get" or "update" or "patch" or "delete";
        if (!definition.Verbs.Contains(info.Verb) || (info.Verb == "create" && info.Name.Length > 0) || (namedVerb && info.Name.Length == 0))
        {
            throw ApiStatus.MethodNotSupported(definition.Resource, definition.Group, info.Verb);
        }

        return info.Subresource == "status";
    }

    private JsonObject List(ResourceDefinition definition, ApiRequestInfo info, IQueryCollection query, IncludeObjectPolicy? table)
    {
        var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : (int?)null;
        var list = reader.List(definition, NamespaceOrAll(definition, info), ListFilter.FromQuery(query, definition), limit, query["continue"]);
        if (table is not { } include)
        {
            return list;
        }

        var converted = tables.Convert(definition, list["items"]!.AsArray().OfType<JsonObject>(), list["metadata"]?["resourceVersion"]?.GetValue<string>(), include);
        if (list["metadata"]?["continue"] is { } token)
        {
            converted["metadata"]!["continue"] = token.DeepClone();
        }

        return converted;
    }

    /// <summary>Server-side apply: patches the object, or creates it when it does not exist yet.</summary>
    private (JsonObject Result, bool Created) ApplyServerSide(
        ResourceDefinition definition, string @namespace, string name, PatchRequest patch, WriteContext write, bool statusOnly, IQueryCollection query)
    {
        if (string.IsNullOrEmpty(query["fieldManager"]))
        {
            throw ApiStatus.BadRequest("PATCH, application/apply-patch+yaml requires fieldManager to be set");
        }

        if (statusOnly || reader.Exists(definition, @namespace, name))
        {
            return (writer.Patch(definition, @namespace, name, patch, write, statusOnly), false);
        }

        var applied = ServerSideApply.Parse(patch.Body);
        ObjectMeta.Of(applied)["name"] = name;
        return (writer.Create(definition, @namespace, applied, write), true);
    }

    private static string? NamespaceOrAll(ResourceDefinition definition, ApiRequestInfo info) =>
        definition.Namespaced && info.Namespace.Length > 0 ? info.Namespace : null;

    private static async Task RespondAsync(HttpContext context, JsonNode body, int statusCode, WriteContext? write, CancellationToken cancellationToken)
    {
        RequestOptions.AddWarnings(context.Response, write);
        await StatusResponses.WriteJsonAsync(context, body, statusCode, cancellationToken);
    }
}
