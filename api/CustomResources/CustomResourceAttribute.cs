namespace VmLifecycle.Api.CustomResources;

/// <summary>
/// Declares how an entity type is registered as a CustomResourceDefinition: its names, categories and subresources.
/// Group, version, kind and plural come from the entity's <c>KubernetesEntity</c> attribute; hack/gen-crds.sh reads both,
/// so the C# type and the CRD in charts/vm-lifecycle/crds have one source.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CustomResourceAttribute : Attribute
{
    /// <summary>Creates the declaration for the resource whose singular name (lower case kind) is <paramref name="singular"/>.</summary>
    /// <param name="singular">The singular resource name, for example <c>virtualmachine</c>.</param>
    public CustomResourceAttribute(string singular)
    {
        Singular = singular;
    }

    /// <summary>The singular resource name, for example <c>virtualmachine</c>.</summary>
    public string Singular { get; }

    /// <summary>Short names kubectl accepts instead of the plural, for example <c>vm</c> and <c>vms</c>.</summary>
    public string[] ShortNames { get; init; } = [];

    /// <summary>Groups of resources this one belongs to, for example <c>all</c> (so <c>kubectl get all</c> lists it).</summary>
    public string[] Categories { get; init; } = [];

    /// <summary>Whether the resource is namespaced (true) or cluster scoped (false).</summary>
    public bool Namespaced { get; init; } = true;

    /// <summary>Whether the resource has a status subresource, so that status is written through <c>/status</c> only.</summary>
    public bool StatusSubresource { get; init; }
}
