namespace VmLifecycle.Aggregator.Subresources;

/// <summary>Which object a planned patch applies to.</summary>
internal enum PatchTarget
{
    /// <summary>The VirtualMachine itself (spec).</summary>
    Vm,

    /// <summary>The VirtualMachine's /status subresource.</summary>
    VmStatus,

    /// <summary>The VirtualMachineInstance of the same name.</summary>
    Vmi,
}
