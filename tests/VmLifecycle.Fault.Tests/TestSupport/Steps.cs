using VmLifecycle.TestSupport.Polling;

namespace VmLifecycle.Fault.Tests.TestSupport;

/// <summary>Steps the fault tests share: bounded waits for a namespace's VMIs and domains, and its clean-up.</summary>
internal static class Steps
{
    public static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(120);
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(90);

    public static Task WaitForControllersAsync(FaultStackFixture stack) =>
        Eventually.ReturnsAsync(stack.HasControllersAsync, held => held, TimeSpan.FromSeconds(60), "the VM/VMI controllers hold their Lease",
            TestContext.Current.CancellationToken);

    /// <summary>
    /// Waits until exactly the VMIs <paramref name="names"/> exist, each Running and Ready with one running domain of
    /// its uid and one QEMU; returns what was seen then.
    /// </summary>
    public static Task<Inventory> WaitForRunningVmisAsync(FaultStackFixture stack, string ns, IReadOnlyCollection<string> names) =>
        Eventually.ReturnsAsync(
            () => Inventory.TakeAsync(stack, ns),
            seen => seen.Vmis.Count == names.Count
                && names.All(name => seen.Vmis.Any(vmi => vmi.Name == name && vmi.Phase == "Running" && vmi.Ready && !vmi.Deleting
                    && seen.Domains.Count(domain => domain.Uuid == vmi.Uid && domain.Active) == 1))
                && seen.Domains.Count == names.Count
                && seen.Qemus.Count == names.Count,
            BootTimeout,
            $"the VMIs {string.Join(", ", names)} Running and Ready, one domain and one QEMU each",
            TestContext.Current.CancellationToken);

    /// <summary>Waits until the namespace has no VMI, no domain and no QEMU left.</summary>
    public static Task WaitForEmptyAsync(FaultStackFixture stack, string ns) =>
        Eventually.ReturnsAsync(
            () => Inventory.TakeAsync(stack, ns),
            seen => seen.Vmis.Count == 0 && seen.Domains.Count == 0 && seen.Qemus.Count == 0,
            StopTimeout,
            $"no VMI, domain or QEMU left in {ns}",
            TestContext.Current.CancellationToken);

    /// <summary>Best effort at the end of a test: deletes the namespace's VMs and VMIs and waits for their domains to go.</summary>
    public static async Task RemoveNamespaceAsync(FaultStackFixture stack, string ns)
    {
        try
        {
            await stack.Admin.RunAsync("delete", "virtualmachines,virtualmachineinstances", "--all", "-n", ns, "--wait=false");
            await WaitForEmptyAsync(stack, ns);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The test has failed already (or will, on what it saw); hack/local-down.sh --purge removes what is left.
            TestContext.Current.SendDiagnosticMessage($"cleaning up {ns}: {e.Message}");
        }
    }
}
