using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Selectors;
using VmLifecycle.LocalCluster.Storage;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>
/// Delete with preconditions, finalizers (the object stays, with a deletionTimestamp, until they are gone)
/// and propagation policies; dependents are then collected by the garbage collector.
/// </summary>
internal sealed class ResourceDeleter(ObjectStore store, ResourceReader reader, TimeProvider time)
{
    /// <summary>Deletes one object; returns the object when it stays (finalizers pending), else a Success Status.</summary>
    public JsonObject Delete(ResourceDefinition definition, string @namespace, string name, DeletionOptions options)
    {
        if (definition == BuiltInResources.Namespaces && name is "default" or "kube-system" or "kube-public")
        {
            throw ApiStatus.Forbidden(definition.Resource, definition.Group, name, $"namespaces \"{name}\" is forbidden: this namespace may not be deleted");
        }

        var key = new ObjectKey(definition.StorageKey, definition.Namespaced ? @namespace : "", name);
        if (options.Propagation == PropagationPolicy.Orphan && !options.DryRun && store.Get(key) is { } target)
        {
            OrphanDependents(ObjectMeta.Uid(target));
        }

        var result = store.Mutate(key, current =>
        {
            CheckPreconditions(definition, name, current, options);
            var next = (JsonObject)current.DeepClone();
            if (options.Propagation == PropagationPolicy.Foreground)
            {
                var finalizers = ObjectMeta.Finalizers(next);
                if (!finalizers.Contains(FinalizerRules.ForegroundDeletion))
                {
                    finalizers.Add(FinalizerRules.ForegroundDeletion);
                    ObjectMeta.SetFinalizers(next, finalizers);
                }
            }

            if (!FinalizerRules.HasPendingFinalizers(definition, next))
            {
                return StoreMutation.Delete;
            }

            if (!ObjectMeta.IsDeleting(next))
            {
                ObjectMeta.Of(next)["deletionTimestamp"] = ResourceWriter.Timestamp(time);
                ObjectMeta.Of(next)["deletionGracePeriodSeconds"] = 0;
                if (definition == BuiltInResources.Namespaces)
                {
                    next["status"] = new JsonObject { ["phase"] = "Terminating" };
                }
            }

            return StoreMutation.Write(next);
        }, options.DryRun) ?? throw ApiStatus.NotFound(definition.Resource, definition.Group, name);

        return result.Deleted
            ? ApiStatus.Success(definition.Resource, definition.Group, name, ObjectMeta.Uid(result.Object))
            : ObjectVersioning.ForVersionOwned(definition, result.Object);
    }

    /// <summary>Deletes every matching object; returns the list of what was deleted (or is now deleting).</summary>
    public JsonObject DeleteCollection(ResourceDefinition definition, string? @namespace, ListFilter filter, DeletionOptions options)
    {
        var list = reader.List(definition, @namespace, filter, null, null);
        var deleted = new JsonArray();
        foreach (var item in list["items"]!.AsArray().OfType<JsonObject>())
        {
            try
            {
                var outcome = Delete(definition, ObjectMeta.Namespace(item), ObjectMeta.Name(item), options with { PreconditionUid = null, PreconditionResourceVersion = null });
                deleted.Add(outcome["kind"]?.GetValue<string>() == "Status" ? item.DeepClone() : outcome);
            }
            catch (StatusException exception) when (exception.Code == 404)
            {
                // Deleted concurrently: nothing left to do.
            }
        }

        list["items"] = deleted;
        return list;
    }

    private void OrphanDependents(string ownerUid)
    {
        foreach (var (key, obj) in store.Snapshot())
        {
            if (ObjectMeta.OwnerReferences(obj).Any(r => r["uid"]?.GetValue<string>() == ownerUid))
            {
                store.Mutate(key, current =>
                {
                    OwnerReferences.Remove(current, ownerUid);
                    return StoreMutation.Write(current);
                }, dryRun: false);
            }
        }
    }

    private static void CheckPreconditions(ResourceDefinition definition, string name, JsonObject current, DeletionOptions options)
    {
        if (options.PreconditionUid is { Length: > 0 } uid && uid != ObjectMeta.Uid(current))
        {
            throw ApiStatus.Conflict(definition.Resource, definition.Group, name,
                $"Precondition failed: UID in precondition: {uid}, UID in object meta: {ObjectMeta.Uid(current)}");
        }

        if (options.PreconditionResourceVersion is { Length: > 0 } version && version != ObjectMeta.ResourceVersion(current))
        {
            throw ApiStatus.Conflict(definition.Resource, definition.Group, name,
                $"Precondition failed: ResourceVersion in precondition: {version}, ResourceVersion in object meta: {ObjectMeta.ResourceVersion(current)}");
        }
    }
}
