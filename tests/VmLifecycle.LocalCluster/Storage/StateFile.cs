using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Serving;

namespace VmLifecycle.LocalCluster.Storage;

/// <summary>
/// The store's objects and resourceVersion on disk, as etcd keeps them: a snapshot (one JSON file, replaced atomically)
/// and a write-ahead log next to it (<c>PATH.log</c>, one JSON line per change, appended before the change is
/// acknowledged). A write costs one small append instead of rewriting every object; once the log outgrows the snapshot,
/// the snapshot is rewritten from the objects' JSON kept since their last change (as UTF-8, serialised once per change
/// straight into the log line) and the log starts over. Loading reads
/// the snapshot, then replays the log's changes after its resourceVersion (a torn last line, from a crash mid-append,
/// is ignored). Like the single-file format before it, nothing is fsynced: a killed process loses nothing, a power
/// failure may.
/// </summary>
internal sealed class StateFile(string path) : IDisposable
{
    /// <summary>The log is compacted into the snapshot once it is larger than this and than the snapshot itself.</summary>
    private const long MinimumCompactionBytes = 1024 * 1024;

    private readonly Dictionary<ObjectKey, byte[]> _json = [];
    private FileStream? _log;
    private long _snapshotBytes;
    private long _logBytes;
    private long _resourceVersion;

    public sealed record State(long ResourceVersion, IReadOnlyList<(ObjectKey Key, JsonObject Object)> Objects);

    public string LogPath => path + ".log";

    /// <summary>The stored state (null when there is none yet), after which changes can be appended.</summary>
    public State? Load()
    {
        var objects = new Dictionary<ObjectKey, JsonObject>();
        long? version = null;
        if (File.Exists(path))
        {
            var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            version = long.Parse(root["resourceVersion"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            foreach (var entry in root["objects"]!.AsArray())
            {
                objects[KeyOf(entry!)] = entry!["object"]!.AsObject().DeepClone().AsObject();
            }
        }

        if (File.Exists(LogPath))
        {
            foreach (var line in File.ReadLines(LogPath))
            {
                if (!TryParse(line, out var record))
                {
                    break; // A crash in the middle of the last append.
                }

                var recordVersion = long.Parse(record["resourceVersion"]!.GetValue<string>(), CultureInfo.InvariantCulture);
                if (version is { } known && recordVersion <= known)
                {
                    continue;
                }

                var key = KeyOf(record);
                if (record["object"] is JsonObject value)
                {
                    objects[key] = (JsonObject)value.DeepClone();
                }
                else
                {
                    objects.Remove(key);
                }

                version = recordVersion;
            }
        }

        if (version is null)
        {
            // Nothing stored yet: an empty snapshot, so that the state file exists from the start.
            Compact();
            return null;
        }

        _resourceVersion = version.Value;
        foreach (var (key, value) in objects)
        {
            _json[key] = JsonUtf8.Serialize(value);
        }

        // Start from one snapshot and an empty log.
        Compact();
        return new State(version.Value, [.. objects.Select(pair => (pair.Key, pair.Value))]);
    }

    /// <summary>Records a change (the object as stored, or null when it was deleted); the caller serialises calls.</summary>
    public void Append(long resourceVersion, ObjectKey key, JsonObject? value)
    {
        var line = new ArrayBufferWriter<byte>((_json.TryGetValue(key, out var previous) ? previous.Length : 0) + 512);
        line.Write(Encoding.UTF8.GetBytes($"{{\"resourceVersion\":\"{resourceVersion.ToString(CultureInfo.InvariantCulture)}\"{KeyFields(key)}"));
        byte[]? json = null;
        if (value is not null)
        {
            line.Write(",\"object\":"u8);
            var start = line.WrittenCount;
            using (var writer = new Utf8JsonWriter(line))
            {
                value.WriteTo(writer);
            }

            json = line.WrittenSpan[start..].ToArray();
        }

        line.Write("}\n"u8);
        var log = _log ??= OpenLog();
        log.Write(line.WrittenSpan);
        _logBytes += line.WrittenCount;

        _resourceVersion = resourceVersion;
        if (json is null)
        {
            _json.Remove(key);
        }
        else
        {
            _json[key] = json;
        }

        if (_logBytes > Math.Max(MinimumCompactionBytes, _snapshotBytes))
        {
            Compact();
        }
    }

    public void Dispose() => _log?.Dispose();

    /// <summary>Writes the snapshot from the objects' JSON (no serialisation of objects), then empties the log.</summary>
    private void Compact()
    {
        var text = new ArrayBufferWriter<byte>(_json.Values.Sum(v => v.Length + 128) + 64);
        text.Write(Encoding.UTF8.GetBytes($"{{\"resourceVersion\":\"{_resourceVersion.ToString(CultureInfo.InvariantCulture)}\",\"objects\":["));
        var first = true;
        foreach (var (key, json) in _json)
        {
            text.Write(first ? "{"u8 : ",{"u8);
            first = false;
            text.Write(Encoding.UTF8.GetBytes(KeyFields(key)[1..]));
            text.Write(",\"object\":"u8);
            text.Write(json);
            text.Write("}"u8);
        }

        text.Write("]}"u8);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        File.WriteAllBytes(temporary, text.WrittenSpan);
        File.Move(temporary, path, overwrite: true);
        _snapshotBytes = text.WrittenCount;

        // The snapshot holds every logged change now; replaying any that remain would be skipped by resourceVersion.
        var log = _log ??= OpenLog();
        log.SetLength(0);
        log.Seek(0, SeekOrigin.Begin);
        _logBytes = 0;
    }

    private FileStream OpenLog()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(LogPath))!);
        var log = new FileStream(LogPath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read, bufferSize: 0);
        _logBytes = log.Seek(0, SeekOrigin.End);
        return log;
    }

    /// <summary><c>,"storageKey":...,"namespace":...,"name":...</c></summary>
    private static string KeyFields(ObjectKey key) =>
        $",\"storageKey\":{Quote(key.StorageKey)},\"namespace\":{Quote(key.Namespace)},\"name\":{Quote(key.Name)}";

    private static string Quote(string text) => JsonValue.Create(text).ToJsonString();

    private static ObjectKey KeyOf(JsonNode entry) =>
        new(entry["storageKey"]!.GetValue<string>(), entry["namespace"]!.GetValue<string>(), entry["name"]!.GetValue<string>());

    private static bool TryParse(string line, out JsonObject record)
    {
        record = null!;
        if (string.IsNullOrWhiteSpace(line))
        {
            return false;
        }

        try
        {
            if (JsonNode.Parse(line) is JsonObject parsed && parsed["resourceVersion"] is not null && parsed["storageKey"] is not null)
            {
                record = parsed;
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }
}
