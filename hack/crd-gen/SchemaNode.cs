namespace VmLifecycle.CrdGen;

/// <summary>
/// A YAML mapping whose keys are written in ordinal order, as Kubernetes and controller-gen write them, so that the
/// generated files do not depend on reflection order.
/// </summary>
internal sealed class SchemaNode : SortedDictionary<string, object>
{
    public SchemaNode()
        : base(StringComparer.Ordinal)
    {
    }

    public string? Description
    {
        get => TryGetValue("description", out var description) ? (string)description : null;
        set
        {
            if (value is null)
            {
                Remove("description");
            }
            else
            {
                this["description"] = value;
            }
        }
    }

    public static SchemaNode OfType(string type, string? format = null)
    {
        var node = new SchemaNode { ["type"] = type };
        if (format is not null)
        {
            node["format"] = format;
        }

        return node;
    }
}
