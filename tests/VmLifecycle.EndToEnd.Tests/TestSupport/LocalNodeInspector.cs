using VmLifecycle.TestSupport.Polling;
using VmLifecycle.TestSupport.Processes;

namespace VmLifecycle.EndToEnd.Tests.TestSupport;

/// <summary>The nodes of a local stack: handlers on this machine, their state under the stack's directory, the machine's libvirt.</summary>
internal sealed class LocalNodeInspector(Func<string, string> stateDirectoryOfNode) : INodeInspector
{
    private static readonly Dictionary<string, string> NoEnvironment = new(StringComparer.Ordinal);

    public async Task<SerialLogFollower> FollowSerialLogAsync(string node, string ns, string name, string uid)
    {
        var path = InstanceFiles.SerialLog(stateDirectoryOfNode(node), ns, name, uid);
        await Eventually.ReturnsAsync(() => Task.FromResult(File.Exists(path)), exists => exists, GuestConsole.BootTimeout, $"{path} exists",
            TestContext.Current.CancellationToken);
        // FileShare.Delete: the handler deletes the VMI's directory once the domain is gone; the descriptor stays readable.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new SerialLogFollower(path, stream, process: null);
    }

    public async Task<IReadOnlyList<string>> DomainNamesAsync(string node)
    {
        var result = await ExternalCommand.RunAsync(
            "virsh", ["-c", "qemu:///system", "list", "--all", "--name"], NoEnvironment, Timeout.InfiniteTimeSpan, null, TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, $"virsh list failed ({result.ExitCode}): {result.Error}");
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
