namespace VmLifecycle.LocalCluster.Resources;

/// <summary>The resources served right now: the built-in ones and those of established CRDs.</summary>
internal sealed class ResourceRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, IReadOnlyList<ResourceDefinition>> _custom = new(StringComparer.Ordinal);

    public ResourceDefinition? Find(string group, string version, string resource)
    {
        foreach (var definition in All())
        {
            if (definition.Group == group && definition.Version == version && definition.Resource == resource)
            {
                return definition;
            }
        }

        return null;
    }

    public IReadOnlyList<ResourceDefinition> All()
    {
        lock (_lock)
        {
            return [.. BuiltInResources.All, .. _custom.Values.SelectMany(d => d)];
        }
    }

    public IReadOnlyList<ResourceDefinition> In(string group, string version) =>
        [.. All().Where(d => d.Group == group && d.Version == version)];

    /// <summary>The API groups (without the core group) with their versions, preferred version first.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups()
    {
        var groups = new List<(string, IReadOnlyList<string>)>();
        foreach (var group in All().Where(d => d.Group.Length > 0).GroupBy(d => d.Group))
        {
            var versions = group.Select(d => d.Version).Distinct().OrderByDescending(v => v, KubeVersionComparer.Instance).ToList();
            groups.Add((group.Key, versions));
        }

        return groups;
    }

    /// <summary>Serves the versions of a CRD (replacing what it served before).</summary>
    public void Register(string crdName, IReadOnlyList<ResourceDefinition> definitions)
    {
        lock (_lock)
        {
            _custom[crdName] = definitions;
        }
    }

    public void Unregister(string crdName)
    {
        lock (_lock)
        {
            _custom.Remove(crdName);
        }
    }

    /// <summary>Whether another CRD (or a built-in resource) already serves this group and plural.</summary>
    public bool IsTakenByOther(string crdName, string group, string resource)
    {
        lock (_lock)
        {
            return BuiltInResources.All.Any(d => d.Group == group && d.Resource == resource)
                || _custom.Any(pair => pair.Key != crdName && pair.Value.Any(d => d.Group == group && d.Resource == resource));
        }
    }
}
