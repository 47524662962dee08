using System.Globalization;
using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Patching;
using VmLifecycle.LocalCluster.Storage;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>Create, update (main and status endpoints) and patch with kube-apiserver's semantics.</summary>
internal sealed class ResourceWriter(
    ObjectStore store, ResourceStrategies strategies, UpdateComposer updates, NamespaceAdmission admission, GeneratedNames names, TimeProvider time)
{
    /// <summary>How often a create from generateName tries a new name when the generated one is taken (kube-apiserver's 8).</summary>
    public const int MaxGenerateNameAttempts = 8;

    public JsonObject Create(ResourceDefinition definition, string @namespace, JsonObject body, WriteContext context)
    {
        CheckTypeMeta(definition, body);
        var metadata = ObjectMeta.Of(body);
        if (ObjectMeta.ResourceVersion(body).Length > 0)
        {
            throw ApiStatus.BadRequest("resourceVersion should not be set on objects to be created");
        }

        ApplyNamespace(definition, @namespace, body);
        ObjectMetaFields.CheckTypes(body, definition);
        var unknown = strategies.Decode(definition, body);
        HandleUnknownFields(unknown, context, CannotBeHandledPrefix(definition));

        var name = ObjectMeta.Name(body);
        var generateName = ObjectMeta.Text(body, "generateName");
        var generated = name.Length == 0 && generateName.Length > 0;
        if (generated)
        {
            name = names.Next(generateName);
            metadata["name"] = name;
        }

        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = Timestamp(time);
        metadata.Remove("deletionTimestamp");
        metadata.Remove("deletionGracePeriodSeconds");
        metadata.Remove("managedFields");
        metadata.Remove("selfLink");
        if (definition.TracksGeneration)
        {
            metadata["generation"] = 1;
        }
        else
        {
            metadata.Remove("generation");
        }

        if (definition.HasStatusSubresource)
        {
            body.Remove("status");
        }

        strategies.PrepareForCreate(definition, body);
        var errors = new List<FieldError>();
        if (name.Length == 0)
        {
            errors.Add(new FieldError("metadata.name", "FieldValueRequired", "Required value: name or generateName is required"));
        }
        else if (ObjectNames.Validate(definition, name) is { } nameError)
        {
            errors.Add(nameError);
        }

        errors.AddRange(strategies.Validate(definition, body, null));
        if (errors.Count > 0)
        {
            throw ApiStatus.Invalid(definition.Kind, definition.Group, name, errors);
        }

        admission.AdmitCreate(definition, @namespace);
        JsonObject result;
        for (var attempt = 1; ; attempt++)
        {
            var stored = ObjectVersioning.ForVersion(definition, body);
            if (store.TryCreate(new ObjectKey(definition.StorageKey, definition.Namespaced ? @namespace : "", name), stored, context.DryRun, out result))
            {
                break;
            }

            // A generated name that is taken is generated again, as kube-apiserver does (RetryGenerateName, GA in 1.32).
            if (!generated || attempt == MaxGenerateNameAttempts)
            {
                throw ApiStatus.AlreadyExists(definition.Resource, definition.Group, name);
            }

            name = names.Next(generateName);
            metadata["name"] = name;
        }

        return ObjectVersioning.ForVersionOwned(definition, result);
    }

    /// <summary>PUT: replaces the object (or only its status, on the status subresource).</summary>
    public JsonObject Update(ResourceDefinition definition, string @namespace, string name, JsonObject body, WriteContext context, bool statusOnly)
    {
        CheckTypeMeta(definition, body);
        CheckName(name, body);
        ApplyNamespace(definition, @namespace, body);
        ObjectMetaFields.CheckTypes(body, definition);
        var unknown = strategies.Decode(definition, body);
        HandleUnknownFields(unknown, context, CannotBeHandledPrefix(definition));
        var requestedVersion = ObjectMeta.ResourceVersion(body);
        if (requestedVersion.Length == 0 && definition.DefinedBy is not null)
        {
            throw ApiStatus.Invalid(definition.Kind, definition.Group, name,
                [new FieldError("metadata.resourceVersion", "FieldValueInvalid", "Invalid value: 0x0: must be specified for an update")]);
        }

        return Mutate(definition, @namespace, name, context, current => updates.Compose(definition, current, body, statusOnly));
    }

    /// <summary>PATCH: applies the patch to the current object, then updates as PUT would.</summary>
    public JsonObject Patch(ResourceDefinition definition, string @namespace, string name, PatchRequest patch, WriteContext context, bool statusOnly) =>
        Mutate(definition, @namespace, name, context, current =>
        {
            var patched = PatchApplier.Apply(patch, definition, current);
            CheckName(name, patched);
            ObjectMetaFields.CheckTypes(patched, definition);
            var unknown = strategies.Decode(definition, patched);
            HandleUnknownFields(unknown, context, "");
            return updates.Compose(definition, current, patched, statusOnly);
        });

    private JsonObject Mutate(ResourceDefinition definition, string @namespace, string name, WriteContext context, Func<JsonObject, JsonObject> compute)
    {
        var key = new ObjectKey(definition.StorageKey, definition.Namespaced ? @namespace : "", name);
        var result = store.Mutate(key, current =>
        {
            var next = compute(current);
            var requested = ObjectMeta.ResourceVersion(next);
            if (requested.Length > 0 && requested != ObjectMeta.ResourceVersion(current))
            {
                throw ApiStatus.ObjectModified(definition.Resource, definition.Group, name);
            }

            return FinalizerRules.AfterUpdate(definition, current, next);
        }, context.DryRun) ?? throw ApiStatus.NotFound(definition.Resource, definition.Group, name);
        return ObjectVersioning.ForVersionOwned(definition, result.Object);
    }

    private static void HandleUnknownFields(IReadOnlyList<string> unknown, WriteContext context, string prefix)
    {
        if (unknown.Count == 0)
        {
            return;
        }

        var descriptions = unknown.Select(field => $"unknown field \"{field}\"").ToList();
        switch (context.FieldValidation)
        {
            case FieldValidationDirective.Strict:
                throw ApiStatus.BadRequest($"{prefix}strict decoding error: {string.Join(", ", descriptions)}");
            case FieldValidationDirective.Warn:
                context.Warnings.AddRange(descriptions);
                break;
            default:
                break;
        }
    }

    private static string CannotBeHandledPrefix(ResourceDefinition definition) =>
        $"{definition.Kind} in version \"{definition.Version}\" cannot be handled as a {definition.Kind}: ";

    private static void CheckTypeMeta(ResourceDefinition definition, JsonObject body)
    {
        var apiVersion = body["apiVersion"]?.GetValue<string>();
        if (apiVersion is not null && apiVersion.Length > 0)
        {
            var group = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : "";
            if (group != definition.Group)
            {
                throw ApiStatus.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({definition.GroupVersion})");
            }
        }

        var kind = body["kind"]?.GetValue<string>();
        if (kind is not null && kind.Length > 0 && kind != definition.Kind)
        {
            throw ApiStatus.BadRequest($"{kind} in version \"{definition.Version}\" cannot be handled as a {definition.Kind}: the object kind does not match: expected {definition.Kind}, got {kind}");
        }
    }

    private static void CheckName(string name, JsonObject body)
    {
        var bodyName = ObjectMeta.Name(body);
        if (bodyName.Length > 0 && bodyName != name)
        {
            throw ApiStatus.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        ObjectMeta.Of(body)["name"] = name;
    }

    private static void ApplyNamespace(ResourceDefinition definition, string @namespace, JsonObject body)
    {
        var metadata = ObjectMeta.Of(body);
        if (!definition.Namespaced)
        {
            metadata.Remove("namespace");
            return;
        }

        var bodyNamespace = ObjectMeta.Namespace(body);
        if (bodyNamespace.Length > 0 && bodyNamespace != @namespace)
        {
            throw ApiStatus.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        metadata["namespace"] = @namespace;
    }

    internal static string Timestamp(TimeProvider time) =>
        time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
