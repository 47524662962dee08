using VmLifecycle.CrdGen;
using YamlDotNet.Serialization;

namespace VmLifecycle.Api.Tests.CrdGen;

/// <summary>A generated CRD read back from its YAML, navigated the way kubectl explain does (spec.volumes[].hostDisk).</summary>
internal sealed class GeneratedCrd
{
    private GeneratedCrd(string yaml)
    {
        Yaml = yaml;
        Root = (Dictionary<object, object>)new DeserializerBuilder().Build().Deserialize<object>(yaml)!;
    }

    public string Yaml { get; }

    public Dictionary<object, object> Root { get; }

    public Dictionary<object, object> Spec => Map(Root["spec"]);

    public Dictionary<object, object> Names => Map(Spec["names"]);

    public Dictionary<object, object> Version => Map(Assert.Single(List(Spec["versions"])));

    public static GeneratedCrd For<TEntity>() => new(CrdGenerator.Generate(typeof(TEntity)));

    /// <summary>The schema at a dotted path below openAPIV3Schema; "[]" steps into array items, "" is the root.</summary>
    public Dictionary<object, object> Schema(string path)
    {
        var node = Map(Map(Version["schema"])["openAPIV3Schema"]);
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.EndsWith("[]", StringComparison.Ordinal) ? segment[..^2] : segment;
            Assert.True(node.TryGetValue("properties", out var properties) && Map(properties).ContainsKey(name), $"The schema has no property {path}.");
            node = Map(Map(properties)[name]);
            if (segment.EndsWith("[]", StringComparison.Ordinal))
            {
                node = Map(node["items"]);
            }
        }

        return node;
    }

    /// <summary>Every schema node with its path, children after parents.</summary>
    public IEnumerable<(string Path, Dictionary<object, object> Node)> AllSchemas()
    {
        var pending = new Stack<(string, Dictionary<object, object>)>();
        pending.Push(("", Schema("")));
        while (pending.Count > 0)
        {
            var (path, node) = pending.Pop();
            yield return (path, node);
            if (node.TryGetValue("properties", out var properties))
            {
                foreach (var (name, child) in Map(properties))
                {
                    pending.Push(($"{path}.{name}", Map(child)));
                }
            }

            if (node.TryGetValue("items", out var items))
            {
                pending.Push(($"{path}[]", Map(items)));
            }

            if (node.TryGetValue("additionalProperties", out var values))
            {
                pending.Push(($"{path}{{}}", Map(values)));
            }
        }
    }

    public static Dictionary<object, object> Map(object value) => Assert.IsType<Dictionary<object, object>>(value);

    public static List<object> List(object value) => Assert.IsType<List<object>>(value);

    public static IEnumerable<string> Strings(object value) => List(value).Cast<string>();
}
