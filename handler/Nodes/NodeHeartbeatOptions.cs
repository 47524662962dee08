namespace VmLifecycle.Handler.Nodes;

/// <summary>Configuration section "Heartbeat".</summary>
internal sealed class NodeHeartbeatOptions
{
    public const string SectionName = "Heartbeat";

    /// <summary>How often the heartbeat annotation is renewed; the scheduler treats a heartbeat older than a few intervals as a dead handler.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);
}
