namespace VmLifecycle.Api.Conventions;

/// <summary>Defaults KubeVirt applies where a field is not set.</summary>
public static class KubeVirtDefaults
{
    /// <summary>
    /// Grace period, in seconds, between the ACPI power-off and the forced destroy when a VirtualMachineInstance's
    /// spec.terminationGracePeriodSeconds is not set (KubeVirt's DefaultGracePeriodSeconds). The CRD schema applies it too.
    /// </summary>
    public const long DefaultGracePeriodSeconds = 30;
}
