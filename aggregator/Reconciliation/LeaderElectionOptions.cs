namespace VmLifecycle.Aggregator.Reconciliation;

/// <summary>Leader election on a coordination.k8s.io Lease: configuration section "Controllers:LeaderElection".</summary>
internal sealed class LeaderElectionOptions
{
    /// <summary>When false every replica runs the controllers (only for a single replica).</summary>
    public bool Enabled { get; set; } = true;

    public string LeaseName { get; set; } = "vm-lifecycle-controllers";

    /// <summary>The Lease's namespace; empty: the POD_NAMESPACE variable, else "default".</summary>
    public string? LeaseNamespace { get; set; }

    /// <summary>This replica's name in the Lease; empty: the POD_NAME variable, else host name and process id.</summary>
    public string? Identity { get; set; }

    /// <summary>How long a leader's claim holds without renewal; a follower takes over after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it gives leadership up.</summary>
    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The interval between acquire and renew attempts.</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>On a clean shutdown the leader empties the Lease, so that a follower takes over at its next attempt.</summary>
    public bool ReleaseOnShutdown { get; set; } = true;

    public string ResolvedNamespace() =>
        !string.IsNullOrEmpty(LeaseNamespace) ? LeaseNamespace : Environment.GetEnvironmentVariable("POD_NAMESPACE") is { Length: > 0 } ns ? ns : "default";

    public string ResolvedIdentity() =>
        !string.IsNullOrEmpty(Identity) ? Identity
        : Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 } pod ? pod
        : $"{Environment.MachineName}_{Environment.ProcessId}";
}
