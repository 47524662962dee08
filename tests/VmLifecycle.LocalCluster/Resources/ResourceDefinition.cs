using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>A resource the cluster serves at one group/version: its names, scope, verbs and, for custom resources, schema and columns.</summary>
internal sealed record ResourceDefinition
{
    public static readonly IReadOnlyList<string> AllVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public required string Group { get; init; }

    public required string Version { get; init; }

    /// <summary>The plural resource name used in paths.</summary>
    public required string Resource { get; init; }

    public required string SingularName { get; init; }

    public required string Kind { get; init; }

    public required bool Namespaced { get; init; }

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> Verbs { get; init; } = AllVerbs;

    public bool HasStatusSubresource { get; init; }

    /// <summary>Whether metadata.generation is maintained (bumped when anything but metadata and status changes).</summary>
    public bool TracksGeneration { get; init; }

    /// <summary>Whether objects are kept in the store (false for reviews, which are only computed).</summary>
    public bool Stored { get; init; } = true;

    /// <summary>Whether strategic merge patch is accepted (built-in kinds only, as in kube-apiserver).</summary>
    public bool AcceptsStrategicMergePatch { get; init; } = true;

    /// <summary>The CRD version's openAPIV3Schema, for custom resources.</summary>
    public JsonObject? Schema { get; init; }

    public IReadOnlyList<PrinterColumn> PrinterColumns { get; init; } = [];

    /// <summary>Fields (dotted paths) a fieldSelector may use besides metadata.name and metadata.namespace.</summary>
    public IReadOnlyList<string> SelectableFields { get; init; } = [];

    /// <summary>The CRD that defines this resource, or null for built-in resources.</summary>
    public string? DefinedBy { get; init; }

    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string ListKind => Kind + "List";

    /// <summary>The key of the objects in the store: the same for every version of a resource.</summary>
    public string StorageKey => $"{Group}/{Resource}";

    /// <summary>The resource as it appears in messages: <c>resource.group</c>, or <c>resource</c> for the core group.</summary>
    public string QualifiedResource => Group.Length == 0 ? Resource : $"{Resource}.{Group}";
}
