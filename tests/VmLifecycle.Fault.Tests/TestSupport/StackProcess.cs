namespace VmLifecycle.Fault.Tests.TestSupport;

/// <summary>A process of the stack that the tests kill: where the env file names its pid, and what its command line holds.</summary>
public sealed record StackProcess(string Name, string PidVariable, string CommandLineMarker)
{
    public static readonly StackProcess Handler = new("handler", "HANDLER_PIDS", "vm-lifecycle-handler.dll");
    public static readonly StackProcess Aggregator = new("aggregator", "AGGREGATOR_PID", "vm-lifecycle-aggregator.dll");
    public static readonly StackProcess LocalCluster = new("local cluster", "LOCAL_CLUSTER_PID", "vm-lifecycle-local-cluster.dll");
    public static readonly StackProcess Libvirtd = new("libvirtd", "LIBVIRTD_PID", "libvirtd -p ");

    public static IReadOnlyList<StackProcess> All { get; } = [LocalCluster, Aggregator, Libvirtd, Handler];

    public static StackProcess Named(string name) => All.Single(process => process.Name == name);

    public override string ToString() => Name;
}
