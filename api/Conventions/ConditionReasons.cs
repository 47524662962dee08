namespace VmLifecycle.Api.Conventions;

/// <summary>Reasons written into conditions, spelled as KubeVirt spells them.</summary>
public static class ConditionReasons
{
    /// <summary>Paused condition: the domain was paused by a pause request (libvirt reason user). Message <see cref="KubeVirtMessages.PausedByUser"/>.</summary>
    public const string PausedByUser = "PausedByUser";

    /// <summary>Paused condition: the domain was paused because of an I/O error. Message <see cref="KubeVirtMessages.PausedIOError"/>.</summary>
    public const string PausedIOError = "PausedIOError";

    /// <summary>Paused condition: the domain was paused by the migration monitor. Message <see cref="KubeVirtMessages.PausedByMigrationMonitor"/>.</summary>
    public const string PausedByMigrationMonitor = "PausedByMigrationMonitor";

    /// <summary>Ready condition False: the guest is not running (KubeVirt's GuestNotRunning).</summary>
    public const string GuestNotRunning = "GuestNotRunning";

    /// <summary>PodScheduled condition False: no node can run the VirtualMachineInstance; the VM shows ErrorUnschedulable.</summary>
    public const string Unschedulable = "Unschedulable";

    /// <summary>Failure condition: the VirtualMachineInstance could not be created (KubeVirt's FailedCreate).</summary>
    public const string FailedCreate = "FailedCreate";

    /// <summary>Failure condition: the VirtualMachineInstance could not be deleted (KubeVirt's FailedDelete).</summary>
    public const string FailedDelete = "FailedDelete";
}
