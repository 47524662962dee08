using VmLifecycle.Fault.Tests.TestSupport;

namespace VmLifecycle.Fault.Tests.Storm;

/// <summary>Issue #9: 50 start and stop requests at once on one VM leave it with zero or one VMI and at most one domain.</summary>
[Collection(FaultStackTests.Name)]
public sealed class ConcurrentRequestsTests(FaultStackFixture stack)
{
    private const int Requests = 50;
    private const string Vm = "contended";

    [Fact]
    public async Task Fifty_Concurrent_Starts_And_Stops_Leave_At_Most_One_Vmi_And_One_Domain()
    {
        var ns = await stack.CreateNamespaceAsync("concurrent");
        try
        {
            await Steps.WaitForControllersAsync(stack);
            var created = await stack.Admin.ApplyAsync(Manifests.VirtualMachine(Vm, "Halted"), "-n", ns);
            Assert.True(created.ExitCode == 0, created.ToString());
            await Convergence.WaitAsync(stack, ns, [Vm], TimeSpan.FromSeconds(60), "after the VM was created");

            using var done = new CancellationTokenSource();
            var most = (Vmis: 0, Domains: 0, Qemus: 0);
            var watching = Task.Run(
                async () =>
                {
                    while (!done.IsCancellationRequested)
                    {
                        var seen = await Inventory.TakeAsync(stack, ns);
                        most = (Math.Max(most.Vmis, seen.Vmis.Count), Math.Max(most.Domains, seen.Domains.Count), Math.Max(most.Qemus, seen.Qemus.Count));
                    }
                },
                TestContext.Current.CancellationToken);
            var verbs = Enumerable.Range(0, Requests).Select(i => i % 2 == 0 ? "start" : "stop").ToArray();
            Random.Shared.Shuffle(verbs);
            var results = await Task.WhenAll(verbs.Select(verb => stack.Admin.VirtAsync(verb, Vm, "-n", ns)));
            var settled = await Convergence.WaitAsync(stack, ns, [Vm], TimeSpan.FromSeconds(30), "after the 50 requests");
            await done.CancelAsync();
            await watching;

            // Each request was accepted or refused as KubeVirt refuses it (exit 1 with its message), never a server error.
            Assert.Contains(results, result => result.ExitCode == 0);
            Assert.All(results, result => Assert.True(
                result.ExitCode is 0 or 1 && !result.Error.Contains("internal", StringComparison.OrdinalIgnoreCase) && !result.Error.Contains("500", StringComparison.Ordinal),
                result.ToString()));
            Assert.True(most.Vmis <= 1 && most.Domains <= 1 && most.Qemus <= 1, $"at most {most} were seen at once");
            Assert.True(settled.Vmis.Count <= 1);
        }
        finally
        {
            await Steps.RemoveNamespaceAsync(stack, ns);
        }
    }
}
