using System.Diagnostics;

namespace VmLifecycle.EndToEnd.Tests.TestSupport;

/// <summary>The nodes of a local stack: handlers on this machine, their state under the stack's directory, the machine's libvirt.</summary>
internal sealed class LocalNodeInspector(Func<string, string> stateDirectoryOfNode) : INodeInspector
{
    public async Task<SerialLogFollower> FollowSerialLogAsync(string node, string ns, string name, string uid)
    {
        var path = InstanceFiles.SerialLog(stateDirectoryOfNode(node), ns, name, uid);
        await Eventually.ReturnsAsync(() => Task.FromResult(File.Exists(path)), exists => exists, GuestConsole.BootTimeout, $"{path} exists");
        // FileShare.Delete: the handler deletes the VMI's directory once the domain is gone; the descriptor stays readable.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new SerialLogFollower(path, stream, process: null);
    }

    public async Task<IReadOnlyList<string>> DomainNamesAsync(string node)
    {
        var start = new ProcessStartInfo("virsh", ["-c", "qemu:///system", "list", "--all", "--name"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("virsh could not be started");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"virsh list failed ({process.ExitCode}): {await error}");
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
