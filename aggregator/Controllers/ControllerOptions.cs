namespace VmLifecycle.Aggregator.Controllers;

/// <summary>
/// The VM and VMI controllers: configuration section "Controllers" (with subsections LeaderElection, Informers and
/// Reconcilers for the reconcile machinery).
/// </summary>
internal sealed class ControllerOptions
{
    public const string SectionName = "Controllers";

    /// <summary>Run the controllers in this process (under leader election); false serves only the API.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A node's handler counts as alive while its heartbeat is at most this old; only such nodes get new VMIs.</summary>
    public TimeSpan HeartbeatStaleness { get; set; } = TimeSpan.FromSeconds(40);

    /// <summary>VMIs of a node whose heartbeat is older than this are marked Failed (reason NodeUnresponsive).</summary>
    public TimeSpan NodeFailureTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often an unschedulable VMI is tried again without a node change.</summary>
    public TimeSpan UnschedulableRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The base of the start failure back-off (KubeVirt: 10 s): the nth consecutive failure waits base × n² plus jitter.</summary>
    public TimeSpan StartFailureBackoffBase { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The cap of the start failure back-off (KubeVirt: 300 s).</summary>
    public TimeSpan StartFailureBackoffMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A VMI that has been Running this long clears the start failure count; one that fails later counts as a first failure.</summary>
    public TimeSpan StartFailureResetAfter { get; set; } = TimeSpan.FromMinutes(5);
}
