using VmLifecycle.TestSupport.Polling;
using VmLifecycle.TestSupport.Processes;

namespace VmLifecycle.EndToEnd.Tests.TestSupport;

/// <summary>
/// The nodes of a real cluster, seen through the chart's handler pod on each (kubectl exec as the admin): the serial log
/// under the handler's state directory (a hostPath the handler container mounts) and virsh against the libvirtd the
/// handler uses.
/// </summary>
internal sealed class HandlerPodNodeInspector(Kubectl admin, TargetCluster target) : INodeInspector
{
    private const string Container = "handler";

    public async Task<SerialLogFollower> FollowSerialLogAsync(string node, string ns, string name, string uid)
    {
        var pod = await HandlerPodAsync(node);
        var path = InstanceFiles.SerialLog(target.HandlerStateDirectory, ns, name, uid);
        await Eventually.ReturnsAsync(
            async () => (await admin.RunAsync(Exec(pod, "test", "-f", path))).ExitCode == 0, exists => exists, GuestConsole.BootTimeout,
            $"{path} exists in pod {pod}",
            TestContext.Current.CancellationToken);
        // tail -f follows the descriptor, so it keeps reading after the handler deletes the VMI's directory.
        var process = admin.Start(Exec(pod, "tail", "-c", "+1", "-f", path));
        _ = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        return new SerialLogFollower($"{path} in pod {target.ReleaseNamespace}/{pod}", process.StandardOutput.BaseStream, process);
    }

    public async Task<IReadOnlyList<string>> DomainNamesAsync(string node)
    {
        var output = await admin.SucceedAsync(Exec(await HandlerPodAsync(node), "virsh", "-c", "qemu:///system", "list", "--all", "--name"));
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private async Task<string> HandlerPodAsync(string node)
    {
        var pod = await admin.SucceedAsync("get", "pods", "-n", target.ReleaseNamespace, "-l", target.HandlerSelector,
            "--field-selector", $"spec.nodeName={node}", "-o", "jsonpath={.items[0].metadata.name}");
        Assert.False(pod.Length == 0, $"no handler pod ({target.HandlerSelector}) in {target.ReleaseNamespace} on node {node}");
        return pod;
    }

    private string[] Exec(string pod, params string[] command) => ["exec", "-n", target.ReleaseNamespace, pod, "-c", Container, "--", .. command];
}
