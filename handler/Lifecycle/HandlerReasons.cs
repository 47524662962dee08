namespace VmLifecycle.Handler.Lifecycle;

/// <summary>
/// The handler's own reasons and messages for VMI status (status.reason and the Synchronized condition). KubeVirt's
/// texts live in api/Conventions; these have no KubeVirt counterpart.
/// </summary>
internal static class HandlerReasons
{
    public const string GuestCrashed = "GuestCrashed";

    public const string GuestCrashedMessage = "The guest crashed (kernel panic)";

    public const string DomainDestroyed = "DomainDestroyed";

    public const string DomainDestroyedMessage = "The domain was destroyed outside the handler";

    public const string DomainFailed = "DomainFailed";

    public const string DomainFailedMessage = "QEMU failed or the domain disappeared";

    public const string DomainLost = "DomainLost";

    public const string DomainLostMessage = "The domain of the running VirtualMachineInstance no longer exists";

    public const string SyncFailed = "Synchronizing with the domain failed";

    /// <summary>The address QEMU's user-mode network (slirp) gives the guest's first NIC.</summary>
    public const string UserModeNetworkGuestAddress = "10.0.2.15";

    /// <summary>The interface name KubeVirt reports for the pod network.</summary>
    public const string DefaultInterfaceName = "default";
}
