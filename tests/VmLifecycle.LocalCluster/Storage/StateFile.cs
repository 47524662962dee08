using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Storage;

/// <summary>The store's objects and resourceVersion in one JSON file, replaced atomically on every change.</summary>
internal sealed class StateFile(string path)
{
    public sealed record State(long ResourceVersion, IReadOnlyList<(ObjectKey Key, JsonObject Object)> Objects);

    public State? Load()
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var version = long.Parse(root["resourceVersion"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var objects = new List<(ObjectKey, JsonObject)>();
        foreach (var entry in root["objects"]!.AsArray())
        {
            var key = new ObjectKey(entry!["storageKey"]!.GetValue<string>(), entry["namespace"]!.GetValue<string>(), entry["name"]!.GetValue<string>());
            objects.Add((key, entry["object"]!.AsObject().DeepClone().AsObject()));
        }

        return new State(version, objects);
    }

    public void Save(long resourceVersion, IReadOnlyDictionary<ObjectKey, JsonObject> objects)
    {
        var array = new JsonArray();
        foreach (var (key, value) in objects)
        {
            array.Add(new JsonObject
            {
                ["storageKey"] = key.StorageKey,
                ["namespace"] = key.Namespace,
                ["name"] = key.Name,
                ["object"] = value.DeepClone(),
            });
        }

        var root = new JsonObject
        {
            ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture),
            ["objects"] = array,
        };
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temporary, root.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        File.Move(temporary, path, overwrite: true);
    }
}
