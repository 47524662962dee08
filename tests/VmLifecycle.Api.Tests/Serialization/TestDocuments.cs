namespace VmLifecycle.Api.Tests.Serialization;

/// <summary>The KubeVirt-shaped documents in TestData/.</summary>
internal static class TestDocuments
{
    /// <summary>A running, paused VM with KubeVirt fields VmLifecycle does not model (interfaces, tolerations, features...).</summary>
    public static string VirtualMachine => Read("virtualmachine.json");

    /// <summary>A VMI with kernel boot, host, empty, container and cloud-init disks, and a status with interfaces.</summary>
    public static string VirtualMachineInstance => Read("virtualmachineinstance.json");

    private static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name));
}
