using System.Diagnostics;
using VmLifecycle.Handler.Libvirt;
using VmLifecycle.Handler.Tests.Infrastructure;

namespace VmLifecycle.Handler.Tests.Libvirt;

/// <summary>Alone: it finds its own client among libvirtd's clients, which parallel tests would add to.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class RunsAlone;

/// <summary>
/// The connection comes back by itself when libvirtd drops it. The drop is real: libvirtd's admin interface
/// (virt-admin client-disconnect) closes our client, exactly as a libvirtd restart would, without stopping libvirtd.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class ReconnectTests(LibvirtFixture libvirt)
{
    [Fact]
    public async Task A_connection_closed_by_libvirtd_reconnects_and_delivers_events_again()
    {
        var before = await ClientIdsAsync();
        using var connection = libvirt.CreateConnection();
        await connection.ConnectAsync(TestContext.Current.CancellationToken);
        var ours = (await ClientIdsAsync()).Except(before).MaxBy(int.Parse) ?? throw new InvalidOperationException("our client is not listed");
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Reconnected += (_, _) => reconnected.TrySetResult();

        var dropped = Stopwatch.StartNew();
        await VirtAdminAsync("client-disconnect", "libvirtd", ours);
        await reconnected.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine($"reconnected {dropped.Elapsed.TotalMilliseconds:F0} ms after the drop");

        Assert.True(connection.IsConnected);
        using var guest = await GuestDomain.StartAsync(libvirt, "reconnect");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        await foreach (var e in connection.Events.ReadAllAsync(timeout.Token))
        {
            if (e.DomainName == guest.Name && e.Type == DomainLifecycleEventType.Started)
            {
                break;
            }
        }

        Assert.Equal(DomainState.Running, new LibvirtDomains(connection).GetStatus(guest.Name)?.State);
    }

    private static async Task<HashSet<string>> ClientIdsAsync() =>
        [.. (await VirtAdminAsync("srv-clients-list", "libvirtd"))
            .Split('\n')
            .Select(line => line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault())
            .Where(id => id is not null && id.All(char.IsAsciiDigit))
            .Select(id => id!)];

    private static async Task<string> VirtAdminAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("virt-admin") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"virt-admin {string.Join(' ', arguments)}: {await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)}");
        return output;
    }
}
