namespace VmLifecycle.Fault.Tests.TestSupport;

/// <summary>Waits, bounded, until a namespace's VMs, VMIs, domains and QEMUs agree (<see cref="Inventory.Problems"/>).</summary>
internal static class Convergence
{
    public static async Task<Inventory> WaitAsync(FaultStackFixture stack, string ns, IReadOnlyCollection<string> vms, TimeSpan timeout, string after)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var seen = await Inventory.TakeAsync(stack, ns);
            var problems = seen.Problems(vms);
            if (problems.Count == 0)
            {
                return seen;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"{ns} did not converge within {timeout.TotalSeconds} s {after}:\n  {string.Join("\n  ", problems)}\n{seen}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        }
    }
}
