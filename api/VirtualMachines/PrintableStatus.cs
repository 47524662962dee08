using System.Text.Json.Serialization;

namespace VmLifecycle.Api.VirtualMachines;

/// <summary>The one-word state of a VirtualMachine shown in the STATUS column of <c>kubectl get vm</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PrintableStatus>))]
public enum PrintableStatus
{
    /// <summary>The VirtualMachine is not running and no VirtualMachineInstance exists.</summary>
    Stopped,

    /// <summary>Cluster resources the VirtualMachine needs are being provisioned.</summary>
    Provisioning,

    /// <summary>The VirtualMachineInstance exists and is being prepared to run.</summary>
    Starting,

    /// <summary>The guest is running.</summary>
    Running,

    /// <summary>The guest is running but paused.</summary>
    Paused,

    /// <summary>The VirtualMachine is being stopped.</summary>
    Stopping,

    /// <summary>The VirtualMachine is being deleted.</summary>
    Terminating,

    /// <summary>The VirtualMachineInstance keeps failing and is restarted with a back-off.</summary>
    CrashLoopBackOff,

    /// <summary>The VirtualMachine is being migrated to another node.</summary>
    Migrating,

    /// <summary>The state cannot be determined.</summary>
    Unknown,

    /// <summary>The VirtualMachineInstance cannot be scheduled to any node.</summary>
    ErrorUnschedulable,

    /// <summary>An image the VirtualMachine needs cannot be pulled.</summary>
    ErrImagePull,

    /// <summary>Pulling an image the VirtualMachine needs is being retried with a back-off.</summary>
    ImagePullBackOff,

    /// <summary>A PersistentVolumeClaim the VirtualMachine uses does not exist.</summary>
    ErrorPvcNotFound,

    /// <summary>A DataVolume the VirtualMachine uses failed.</summary>
    DataVolumeError,

    /// <summary>A PersistentVolumeClaim the VirtualMachine uses waits for its volume binding.</summary>
    WaitingForVolumeBinding,

    /// <summary>The VirtualMachine waits to receive a migration from another cluster.</summary>
    WaitingForReceiver,
}
