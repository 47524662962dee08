using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Storage;

namespace VmLifecycle.LocalCluster.Tests.Storage;

public sealed class StateFileTests : IDisposable
{
    private static readonly ObjectKey _widgetA = new("example.com/widgets", "default", "a");
    private static readonly ObjectKey _widgetB = new("example.com/widgets", "default", "b");

    private readonly string _directory = Directory.CreateTempSubdirectory("local-cluster-state-").FullName;

    private string StatePath => Path.Combine(_directory, "state.json");

    [Fact]
    public void Changes_appended_to_the_log_are_there_after_a_reload_including_deletions()
    {
        using (var file = new StateFile(StatePath))
        {
            Assert.Null(file.Load());
            Assert.True(File.Exists(StatePath));
            file.Append(1, _widgetA, Widget("a", 1, 1));
            file.Append(2, _widgetB, Widget("b", 2, 2));
            file.Append(3, _widgetA, Widget("a", 3, 5));
            file.Append(4, _widgetB, null);
        }

        using var reloaded = new StateFile(StatePath);
        var state = reloaded.Load();

        Assert.NotNull(state);
        Assert.Equal(4, state.ResourceVersion);
        var (key, value) = Assert.Single(state.Objects);
        Assert.Equal(_widgetA, key);
        Assert.Equal(5, value["spec"]!["size"]!.GetValue<int>());
        Assert.Equal("ünïcode \"quoted\"", value["spec"]!["note"]!.GetValue<string>());
    }

    [Fact]
    public void A_torn_last_line_from_a_crash_mid_append_is_ignored()
    {
        using (var file = new StateFile(StatePath))
        {
            file.Load();
            file.Append(1, _widgetA, Widget("a", 1, 1));
            file.Append(2, _widgetA, Widget("a", 2, 2));
        }

        File.AppendAllText(StatePath + ".log", "{\"resourceVersion\":\"3\",\"storageKey\":\"example.com/wid");

        using var reloaded = new StateFile(StatePath);
        var state = reloaded.Load();

        Assert.NotNull(state);
        Assert.Equal(2, state.ResourceVersion);
        Assert.Equal(2, Assert.Single(state.Objects).Object["spec"]!["size"]!.GetValue<int>());
    }

    [Fact]
    public void A_log_that_outgrows_the_snapshot_is_compacted_into_it_without_losing_anything()
    {
        var padding = new string('x', 4096);
        using (var file = new StateFile(StatePath))
        {
            file.Load();
            for (var version = 1; version <= 600; version++)
            {
                var widget = Widget(version % 2 == 0 ? "a" : "b", version, version);
                widget["spec"]!["padding"] = padding;
                file.Append(version, version % 2 == 0 ? _widgetA : _widgetB, widget);
            }

            Assert.True(new FileInfo(file.LogPath).Length < 1024 * 1024);
        }

        using var reloaded = new StateFile(StatePath);
        var state = reloaded.Load();

        Assert.NotNull(state);
        Assert.Equal(600, state.ResourceVersion);
        var sizes = state.Objects.ToDictionary(o => o.Key, o => o.Object["spec"]!["size"]!.GetValue<int>());
        Assert.Equal(600, sizes[_widgetA]);
        Assert.Equal(599, sizes[_widgetB]);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static JsonObject Widget(string name, long resourceVersion, int size) => new()
    {
        ["kind"] = "Widget",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default", ["resourceVersion"] = resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        ["spec"] = new JsonObject { ["size"] = size, ["note"] = "ünïcode \"quoted\"" },
    };
}
