using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;

namespace VmLifecycle.Handler.Tests.Infrastructure;

/// <summary>Waits on VMIs of an <see cref="InMemoryVmiStore"/>.</summary>
internal static class VmiAssertions
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public static Task<VirtualMachineInstance> WaitForAsync(this InMemoryVmiStore store, VirtualMachineInstance vmi, Func<VirtualMachineInstance, bool> condition, string what, TimeSpan? timeout = null) =>
        Eventually.WaitAsync(
            () => Task.FromResult(store.Get(vmi.Metadata.NamespaceProperty, vmi.Metadata.Name)),
            v => v is not null && condition(v),
            timeout ?? StartTimeout,
            $"{vmi.Metadata.Name}: {what}");

    public static Task WaitForGoneAsync(this InMemoryVmiStore store, VirtualMachineInstance vmi, TimeSpan timeout) =>
        Eventually.WaitAsync(() => store.Get(vmi.Metadata.NamespaceProperty, vmi.Metadata.Name) is null, timeout, $"{vmi.Metadata.Name} to be deleted");

    public static Task<VirtualMachineInstance> WaitForRunningAsync(this InMemoryVmiStore store, VirtualMachineInstance vmi) =>
        store.WaitForAsync(vmi, v => v.Status?.Phase == VirtualMachineInstancePhase.Running && IsTrue(v, ConditionTypes.Ready), "Running and Ready");

    public static bool IsTrue(VirtualMachineInstance vmi, string conditionType) =>
        vmi.Status?.Conditions?.Any(c => c.Type == conditionType && c.Status == ConditionStatus.True) == true;

    public static VirtualMachineInstanceCondition? Condition(VirtualMachineInstance vmi, string conditionType) =>
        vmi.Status?.Conditions?.FirstOrDefault(c => c.Type == conditionType);
}
