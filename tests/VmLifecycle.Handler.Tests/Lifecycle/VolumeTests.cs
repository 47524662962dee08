using k8s.Models;
using VmLifecycle.Api.Domain;
using VmLifecycle.Api.Volumes;
using VmLifecycle.Handler.Tests.Infrastructure;

namespace VmLifecycle.Handler.Tests.Lifecycle;

/// <summary>Every supported volume type, created on the node and seen by the booted guest.</summary>
public sealed class VolumeTests(LibvirtFixture libvirt)
{
    [Fact]
    public async Task The_guest_sees_its_containerDisk_cloudInit_seed_emptyDisk_and_created_hostDisk()
    {
        var store = new InMemoryVmiStore();
        await using var handler = new HandlerStack(libvirt, store);
        await handler.StartAsync();
        var hostDisk = Path.Combine(libvirt.StateDirectory, "hostdisks", "volumes-" + Guid.NewGuid().ToString("N")[..6] + ".img");
        var spec = TestGuest.Vmi(libvirt.Namespace, "volumes", handler.Node);
        spec.Spec.Domain.Devices.Disks =
        [
            new Disk { Name = "containerdisk", DiskTarget = new DiskTarget { Bus = "virtio" } },
            new Disk { Name = "cloudinitdisk", DiskTarget = new DiskTarget { Bus = "virtio" } },
            new Disk { Name = "scratch", DiskTarget = new DiskTarget { Bus = "virtio" } },
            new Disk { Name = "hostdisk", DiskTarget = new DiskTarget { Bus = "virtio" } },
        ];
        spec.Spec.Volumes =
        [
            spec.Spec.Volumes![0],
            new Volume { Name = "cloudinitdisk", CloudInitNoCloud = new CloudInitNoCloudSource { UserData = "#cloud-config\nhostname: volumes\n" } },
            new Volume { Name = "scratch", EmptyDisk = new EmptyDiskSource { Capacity = new ResourceQuantity("64Mi") } },
            new Volume { Name = "hostdisk", HostDisk = new HostDisk { Path = hostDisk, Type = HostDiskType.DiskOrCreate, Capacity = new ResourceQuantity("32Mi") } },
        ];
        var vmi = store.Create(spec);

        await store.WaitForRunningAsync(vmi);
        var log = handler.SerialLog(vmi);
        await SerialLog.WaitForTickAsync(log, 1, VmiAssertions.StartTimeout);
        var disks = SerialLog.Read(log).Split('\n').Single(l => l.Contains("VMLIFECYCLE-GUEST DISKS", StringComparison.Ordinal)).Trim();
        TestContext.Current.TestOutputHelper?.WriteLine(disks);

        Assert.Contains("vda=1048576,serial=containerdisk", disks, StringComparison.Ordinal);
        Assert.Contains("serial=cloudinitdisk", disks, StringComparison.Ordinal);
        Assert.Contains("vdc=67108864,serial=scratch", disks, StringComparison.Ordinal);
        Assert.Contains("vdd=33554432,serial=hostdisk", disks, StringComparison.Ordinal);
        Assert.Equal(32L * 1024 * 1024, new FileInfo(hostDisk).Length);

        store.Delete(libvirt.Namespace, "volumes", gracePeriodSeconds: 0);
        await store.WaitForGoneAsync(vmi, TimeSpan.FromSeconds(5));
        Assert.True(File.Exists(hostDisk), "a hostDisk belongs to the host and outlives the VMI");
    }
}
