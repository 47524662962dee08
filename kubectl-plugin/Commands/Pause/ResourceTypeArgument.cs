using VmLifecycle.KubectlPlugin.Cli;

namespace VmLifecycle.KubectlPlugin.Commands.Pause;

/// <summary>The first argument of pause and unpause: vm or vmi, in any case and in virtctl's long and plural spellings.</summary>
internal static class ResourceTypeArgument
{
    /// <summary>True for a VirtualMachine, false for a VirtualMachineInstance.</summary>
    public static bool IsVirtualMachine(string argument) => argument.ToLowerInvariant() switch
    {
        "vm" or "vms" or "virtualmachine" or "virtualmachines" => true,
        "vmi" or "vmis" or "virtualmachineinstance" or "virtualmachineinstances" => false,
        _ => throw new UsageException($"unsupported resource type \"{argument}\": use vm (virtualmachine) or vmi (virtualmachineinstance)"),
    };
}
