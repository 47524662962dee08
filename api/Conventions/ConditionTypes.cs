namespace VmLifecycle.Api.Conventions;

/// <summary>Condition types of VirtualMachines and VirtualMachineInstances, spelled as KubeVirt spells them.</summary>
public static class ConditionTypes
{
    /// <summary>The guest is running and ready (VM and VMI).</summary>
    public const string Ready = "Ready";

    /// <summary>The guest is paused (VMI; copied onto the VM).</summary>
    public const string Paused = "Paused";

    /// <summary>Creating or deleting the VirtualMachineInstance failed (VM).</summary>
    public const string Failure = "Failure";

    /// <summary>A change of the VirtualMachine's template takes effect only after a restart (VM).</summary>
    public const string RestartRequired = "RestartRequired";

    /// <summary>A volume migration failed and needs an administrator (VM).</summary>
    public const string ManualRecoveryRequired = "ManualRecoveryRequired";

    /// <summary>Resources of the VirtualMachineInstance are being provisioned (VMI).</summary>
    public const string Provisioning = "Provisioning";

    /// <summary>The node's handler could not bring the domain in line with the spec (VMI).</summary>
    public const string Synchronized = "Synchronized";

    /// <summary>The VirtualMachineInstance can be live migrated (VMI).</summary>
    public const string LiveMigratable = "LiveMigratable";

    /// <summary>A guest agent is connected (VMI).</summary>
    public const string AgentConnected = "AgentConnected";

    /// <summary>All DataVolumes of the VirtualMachineInstance are ready (VMI).</summary>
    public const string DataVolumesReady = "DataVolumesReady";

    /// <summary>The volumes of the VirtualMachineInstance are being changed (VMI).</summary>
    public const string VolumesChange = "VolumesChange";

    /// <summary>A migration is required to apply a change (VMI).</summary>
    public const string MigrationRequired = "MigrationRequired";

    /// <summary>An eviction of the VirtualMachineInstance was requested (VMI).</summary>
    public const string EvictionRequested = "EvictionRequested";

    /// <summary>Whether the VirtualMachineInstance was scheduled to a node; KubeVirt copies it from the pod (VMI).</summary>
    public const string PodScheduled = "PodScheduled";
}
