using k8s.Models;
using VmLifecycle.Api.Domain;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.Volumes;

namespace VmLifecycle.Handler.Tests.Infrastructure;

/// <summary>The test guest of hack/make-guest.sh and VMIs that boot it.</summary>
internal static class TestGuest
{
    public const string Image = "localhost/vm-lifecycle/test-guest:latest";
    public const string Booted = "VMLIFECYCLE-GUEST BOOTED";
    public const string Tick = "VMLIFECYCLE-GUEST TICK";
    public const string PowerOff = "VMLIFECYCLE-GUEST POWEROFF";
    public const string IgnoreAcpi = "vmlifecycle.ignore_acpi=1";

    public static string ImageStoreRoot { get; } =
        Environment.GetEnvironmentVariable("VM_LIFECYCLE_IMAGE_STORE") is { Length: > 0 } store ? store : Path.Combine(RepositoryRoot.Path, ".local", "images");

    /// <summary>A VMI that boots the test guest with a containerDisk, like examples/vmi.yaml.</summary>
    public static VirtualMachineInstance Vmi(string @namespace, string name, string node, string? extraKernelArgs = null, long? gracePeriodSeconds = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace, Uid = Guid.NewGuid().ToString() },
        Spec = new VirtualMachineInstanceSpec
        {
            TerminationGracePeriodSeconds = gracePeriodSeconds,
            Domain = new DomainSpec
            {
                Cpu = new Cpu { Cores = 1 },
                Resources = new ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["memory"] = new("128Mi") } },
                Firmware = new Firmware
                {
                    KernelBoot = new KernelBoot
                    {
                        KernelArgs = $"console=ttyS0 quiet mitigations=off no_timer_check {extraKernelArgs}".Trim(),
                        Container = new KernelBootContainer { Image = Image, KernelPath = "/boot/vmlinuz", InitrdPath = "/boot/initramfs.gz" },
                    },
                },
                Devices = new Devices { Disks = [new Disk { Name = "containerdisk", DiskTarget = new DiskTarget { Bus = "virtio" } }] },
            },
            Volumes = [new Volume { Name = "containerdisk", ContainerDisk = new ContainerDiskSource { Image = Image, Path = "/disk/disk.img" } }],
        },
        Status = new VirtualMachineInstanceStatus { NodeName = node, Phase = VirtualMachineInstancePhase.Scheduled },
    };
}
