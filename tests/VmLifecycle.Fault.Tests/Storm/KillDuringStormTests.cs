using VmLifecycle.Fault.Tests.TestSupport;

namespace VmLifecycle.Fault.Tests.Storm;

/// <summary>
/// Issue #9: kill -9 of each process of the stack while ten VMs are started and stopped at random through the
/// aggregator's subresources (kubectl virt), then the process restarted as the stack restarts it (hack/local-up.sh).
/// Afterwards no VM is lost, none has two VMIs or a VMI it did not ask for, no domain or QEMU is orphaned or
/// duplicated, and everything agrees with each VM's runStrategy within 30 s.
/// </summary>
[Collection(FaultStackTests.Name)]
public sealed class KillDuringStormTests(FaultStackFixture stack)
{
    private const int VmCount = 10;
    private static readonly TimeSpan ConvergenceTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StormBeforeKill = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan StormWhileDead = TimeSpan.FromSeconds(4);

    [Theory]
    [InlineData("handler")]
    [InlineData("aggregator")]
    [InlineData("libvirtd")]
    [InlineData("local cluster")]
    public async Task Killing_A_Process_During_A_Start_Stop_Storm_Loses_Nothing_And_Converges(string processName)
    {
        var victim = StackProcess.Named(processName);
        var ns = await stack.CreateNamespaceAsync("storm-" + processName.Replace(' ', '-'));
        var vms = Enumerable.Range(1, VmCount).Select(i => $"vm-{i}").ToList();
        try
        {
            await Steps.WaitForControllersAsync(stack);
            var created = await stack.Admin.ApplyAsync(string.Concat(vms.Select(vm => Manifests.VirtualMachine(vm, "Halted"))), "-n", ns);
            Assert.True(created.ExitCode == 0, created.ToString());
            await Convergence.WaitAsync(stack, ns, vms, TimeSpan.FromSeconds(60), "after the VMs were created");
            var survivors = StackProcess.All.Where(process => process != victim).ToDictionary(process => process, stack.PidOf);

            var storm = new StartStopStorm(stack.Admin, ns, vms, workers: 3);
            using var stop = new CancellationTokenSource();
            var storming = storm.RunAsync(stop.Token);
            await Task.Delay(StormBeforeKill, TestContext.Current.CancellationToken);
            var killed = await stack.KillAsync(victim);
            await Task.Delay(StormWhileDead, TestContext.Current.CancellationToken);
            await stop.CancelAsync();
            await storming;
            await stack.RestartAsync();

            Assert.NotEqual(killed, stack.PidOf(victim));
            Assert.All(survivors, pair => Assert.True(pair.Value == stack.PidOf(pair.Key), $"the {pair.Key} was restarted too (pid {pair.Value} -> {stack.PidOf(pair.Key)})"));
            Assert.True(storm.Accepted > 0, $"the storm changed nothing: {storm}");
            await Convergence.WaitAsync(stack, ns, vms, ConvergenceTimeout, $"after the {victim} was killed and restarted (storm: {storm})");
        }
        finally
        {
            await stack.EnsureUpAsync();
            await Steps.RemoveNamespaceAsync(stack, ns);
        }
    }
}
