namespace VmLifecycle.Aggregator.Controllers;

/// <summary>What the VirtualMachine controller does to its VirtualMachineInstance in one reconcile.</summary>
internal enum VmAction
{
    /// <summary>Nothing: the VMI is as the run strategy wants it, or is already going away.</summary>
    None,

    /// <summary>Create the VMI from spec.template.</summary>
    CreateVmi,

    /// <summary>Delete the VMI (stop).</summary>
    DeleteVmi,

    /// <summary>Delete the failed VMI and queue a Start request (RerunOnFailure).</summary>
    DeleteVmiAndQueueStart,

    /// <summary>Halted with a Start request: switch spec.runStrategy to Always (or spec.running to true).</summary>
    SwitchToAlways,
}
