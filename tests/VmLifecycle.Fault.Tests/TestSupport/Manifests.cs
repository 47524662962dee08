namespace VmLifecycle.Fault.Tests.TestSupport;

/// <summary>
/// Small VMs and VMIs of the test guest (128 MiB, one core, the containerDisk and the kernel boot of examples/), with a
/// short grace period so that stops end quickly even when the ACPI button is pressed before the guest listens.
/// </summary>
internal static class Manifests
{
    public const int GracePeriodSeconds = 5;

    public static string VirtualMachineInstance(string name) => $"""
        apiVersion: kubevirt.io/v1
        kind: VirtualMachineInstance
        metadata:
          name: {name}
        spec:
        {Indent(Spec(name), 2)}
        ---

        """;

    public static string VirtualMachine(string name, string runStrategy) => $"""
        apiVersion: kubevirt.io/v1
        kind: VirtualMachine
        metadata:
          name: {name}
        spec:
          runStrategy: {runStrategy}
          template:
            metadata:
              labels:
                app: {name}
            spec:
        {Indent(Spec(name), 6)}
        ---

        """;

    private static string Spec(string name) => $"""
        terminationGracePeriodSeconds: {GracePeriodSeconds}
        domain:
          cpu:
            cores: 1
          resources:
            requests:
              memory: 128Mi
          firmware:
            kernelBoot:
              kernelArgs: console=ttyS0 quiet no_timer_check hostname={name}
              container:
                image: localhost/vm-lifecycle/test-guest:latest
                kernelPath: /boot/vmlinuz
                initrdPath: /boot/initramfs.gz
          devices:
            disks:
              - name: containerdisk
                disk:
                  bus: virtio
        volumes:
          - name: containerdisk
            containerDisk:
              image: localhost/vm-lifecycle/test-guest:latest
              path: /disk/disk.img
        """;

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.Split('\n').Select(line => new string(' ', spaces) + line));
}
