using k8s.Models;
using VmLifecycle.Aggregator.Controllers;
using VmLifecycle.Api.Conventions;

namespace VmLifecycle.Aggregator.Tests.Controllers;

public sealed class NodeSelectionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 1, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Staleness = TimeSpan.FromSeconds(40);

    [Fact]
    public void Picks_a_node_whose_handler_heartbeat_is_fresh()
    {
        var decision = NodeSelection.Select([Node("stale", 60), Node("fresh", 5)], null, new Dictionary<string, int>(), Now, Staleness);

        Assert.Equal("fresh", decision.NodeName);
    }

    [Fact]
    public void Prefers_the_node_with_fewer_vmis()
    {
        var decision = NodeSelection.Select([Node("a", 1), Node("b", 1)], null, new Dictionary<string, int> { ["a"] = 2, ["b"] = 1 }, Now, Staleness);

        Assert.Equal("b", decision.NodeName);
    }

    [Fact]
    public void Honours_every_label_of_the_node_selector()
    {
        var selector = new Dictionary<string, string> { ["disk"] = "ssd", ["zone"] = "a" };
        var decision = NodeSelection.Select(
            [Node("ssd-only", 1, ("disk", "ssd")), Node("both", 1, ("disk", "ssd"), ("zone", "a"))], selector, new Dictionary<string, int>(), Now, Staleness);

        Assert.Equal("both", decision.NodeName);
    }

    [Fact]
    public void Says_for_every_node_why_none_fits()
    {
        var noHandler = Node("plain", 1);
        noHandler.Metadata.Labels.Remove(Labels.HandlerNode);

        var decision = NodeSelection.Select(
            [noHandler, Node("stale", 300), Node("other", 1, ("disk", "hdd")), Node("never", null)],
            new Dictionary<string, string> { ["disk"] = "ssd" },
            new Dictionary<string, int>(),
            Now,
            Staleness);

        Assert.Null(decision.NodeName);
        Assert.Equal(
            "0/4 nodes are available: 1 node(s) didn't match the VirtualMachineInstance's node selector, 2 node(s) had a stale handler heartbeat, 1 node(s) had no running VM handler.",
            decision.UnschedulableMessage);
    }

    [Fact]
    public void With_no_nodes_at_all_the_message_says_so()
    {
        Assert.Equal("0/0 nodes are available: no nodes.", NodeSelection.Select([], null, new Dictionary<string, int>(), Now, Staleness).UnschedulableMessage);
    }

    private static V1Node Node(string name, int? heartbeatAgeSeconds, params (string Key, string Value)[] labels)
    {
        var all = labels.ToDictionary(label => label.Key, label => label.Value);
        all[Labels.HandlerNode] = Labels.HandlerNodeTrue;
        var annotations = new Dictionary<string, string>();
        if (heartbeatAgeSeconds is { } age)
        {
            annotations[Annotations.HandlerHeartbeat] = Now.AddSeconds(-age).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        }

        return new V1Node { Metadata = new V1ObjectMeta { Name = name, Labels = all, Annotations = annotations } };
    }
}
