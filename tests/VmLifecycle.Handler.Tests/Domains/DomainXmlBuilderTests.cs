using System.Xml.Linq;
using k8s.Models;
using Microsoft.Extensions.Options;
using VmLifecycle.Api.Domain;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.Volumes;
using VmLifecycle.Handler.Domains;
using VmLifecycle.Handler.Tests.Infrastructure;

namespace VmLifecycle.Handler.Tests.Domains;

/// <summary>The domain XML of VMIs, compared with the shape verified in hack/testdata/test-guest-domain.xml.</summary>
public sealed class DomainXmlBuilderTests : IDisposable
{
    private const string Image = "registry.example:5000/guests/tiny:v1";
    private static readonly string[] _lifecycleActions = ["on_poweroff", "on_reboot", "on_crash"];
    private static readonly string[] _topologyAttributes = ["sockets", "cores", "threads"];
    private readonly string _root = Path.Combine(Path.GetTempPath(), "handler-xml-" + Guid.NewGuid().ToString("N"));
    private readonly DomainPlanner _planner;

    public DomainXmlBuilderTests()
    {
        var image = Path.Combine(_root, "images", "registry.example:5000", "guests", "tiny", "v1");
        Directory.CreateDirectory(Path.Combine(image, "boot"));
        Directory.CreateDirectory(Path.Combine(image, "disk"));
        foreach (var file in new[] { "boot/vmlinuz", "boot/initramfs.gz", "disk/disk.img" })
        {
            File.WriteAllText(Path.Combine(image, file), "");
        }

        _planner = new DomainPlanner(new ImageStore(Options.Create(new ImageStoreOptions { Root = Path.Combine(_root, "images") })));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_test_guest_vmi_builds_the_verified_domain_shape()
    {
        var domain = Build(Vmi(), Accelerator.Tcg);

        Assert.Equal("qemu", domain.Attribute("type")?.Value);
        Assert.Equal("ns1_vm1", domain.Element("name")?.Value);
        Assert.Equal("8f8a3f0e-49c5-4d0b-a8d5-2a4a1f1f5c11", domain.Element("uuid")?.Value);
        Assert.Equal("131072", domain.Element("memory")?.Value);
        Assert.Equal("KiB", domain.Element("memory")?.Attribute("unit")?.Value);
        Assert.Equal("q35", domain.Element("os")?.Element("type")?.Attribute("machine")?.Value);
        Assert.EndsWith("/boot/vmlinuz", domain.Element("os")?.Element("kernel")?.Value, StringComparison.Ordinal);
        Assert.EndsWith("/boot/initramfs.gz", domain.Element("os")?.Element("initrd")?.Value, StringComparison.Ordinal);
        Assert.Equal("console=ttyS0 quiet hostname=vm1", domain.Element("os")?.Element("cmdline")?.Value);
        Assert.NotNull(domain.Element("features")?.Element("acpi"));
        Assert.Equal("qemu64", domain.Element("cpu")?.Element("model")?.Value);
        Assert.Equal(["destroy", "destroy", "destroy"], _lifecycleActions.Select(e => domain.Element(e)?.Value));
        var devices = domain.Element("devices")!;
        Assert.Equal(DomainXmlBuilder.Emulator, devices.Element("emulator")?.Value);
        Assert.Equal("user", devices.Element("interface")?.Attribute("type")?.Value);
        Assert.Equal("virtio", devices.Element("interface")?.Element("model")?.Attribute("type")?.Value);
        Assert.Equal("isa", devices.Element("panic")?.Attribute("model")?.Value);
        Assert.Contains(devices.Elements("controller"), c => c.Attribute("type")?.Value == "usb" && c.Attribute("model")?.Value == "none");
        Assert.Equal("none", devices.Element("memballoon")?.Attribute("model")?.Value);
        var serialLog = devices.Element("serial")?.Element("source")?.Attribute("path")?.Value;
        Assert.EndsWith("/domains/ns1_vm1_8f8a3f0e-49c5-4d0b-a8d5-2a4a1f1f5c11/serial.log", serialLog, StringComparison.Ordinal);
        Assert.Equal(serialLog, devices.Element("console")?.Element("source")?.Attribute("path")?.Value);
        Assert.Equal("on", devices.Element("serial")?.Element("source")?.Attribute("append")?.Value);
    }

    [Fact]
    public void The_metadata_element_carries_namespace_name_uid_and_node()
    {
        var domain = Build(Vmi(), Accelerator.Tcg);

        var identity = DomainIdentity.Parse(domain.Element("metadata")!.Elements().Single().ToString());

        Assert.Equal(new DomainIdentity("ns1", "vm1", "8f8a3f0e-49c5-4d0b-a8d5-2a4a1f1f5c11", "node-a"), identity);
        Assert.Equal(DomainIdentity.NamespaceUri, domain.Element("metadata")!.Elements().Single().Name.NamespaceName);
    }

    [Fact]
    public void Kvm_uses_domain_type_kvm_and_host_passthrough_while_tcg_uses_qemu64()
    {
        var kvm = Build(Vmi(), Accelerator.Kvm);
        var tcg = Build(Vmi(), Accelerator.Tcg);

        Assert.Equal("kvm", kvm.Attribute("type")?.Value);
        Assert.Equal("host-passthrough", kvm.Element("cpu")?.Attribute("mode")?.Value);
        Assert.Null(kvm.Element("cpu")?.Element("model"));
        Assert.Equal("qemu", tcg.Attribute("type")?.Value);
        Assert.Equal("custom", tcg.Element("cpu")?.Attribute("mode")?.Value);
    }

    [Fact]
    public void Vcpus_are_sockets_times_cores_times_threads_and_memory_comes_from_the_request()
    {
        var vmi = Vmi();
        vmi.Spec.Domain.Cpu = new Cpu { Sockets = 2, Cores = 3, Threads = 2 };
        vmi.Spec.Domain.Resources!.Requests!["memory"] = new ResourceQuantity("1Gi");

        var domain = Build(vmi, Accelerator.Tcg);

        Assert.Equal("12", domain.Element("vcpu")?.Value);
        var topology = domain.Element("cpu")!.Element("topology")!;
        Assert.Equal(["2", "3", "2"], _topologyAttributes.Select(a => topology.Attribute(a)?.Value));
        Assert.Equal("1048576", domain.Element("memory")?.Value);
    }

    [Fact]
    public void Every_volume_type_becomes_a_disk_with_its_bus_format_and_source()
    {
        var vmi = Vmi();
        vmi.Spec.Domain.Devices.Disks =
        [
            new Disk { Name = "containerdisk", DiskTarget = new DiskTarget { Bus = "virtio" } },
            new Disk { Name = "scratch", DiskTarget = new DiskTarget { Bus = "sata" } },
            new Disk { Name = "host", DiskTarget = new DiskTarget { Bus = "scsi" } },
            new Disk { Name = "cloudinit", Cdrom = new CdromTarget { Bus = "sata" } },
        ];
        vmi.Spec.Volumes =
        [
            new Volume { Name = "containerdisk", ContainerDisk = new ContainerDiskSource { Image = Image } },
            new Volume { Name = "scratch", EmptyDisk = new EmptyDiskSource { Capacity = new ResourceQuantity("2Gi") } },
            new Volume { Name = "host", HostDisk = new HostDisk { Path = "/var/lib/disks/a.img", Type = HostDiskType.DiskOrCreate, Capacity = new ResourceQuantity("1Gi") } },
            new Volume { Name = "cloudinit", CloudInitNoCloud = new CloudInitNoCloudSource { UserData = "#cloud-config\n" } },
            new Volume { Name = "implicit", HostDisk = new HostDisk { Path = "/var/lib/disks/b.img", Type = HostDiskType.Disk } },
        ];

        var plan = _planner.Plan(vmi, "node-a", Path.Combine(_root, "state"), Accelerator.Tcg);
        var disks = XElement.Parse(DomainXmlBuilder.Build(plan)).Element("devices")!.Elements("disk").ToList();

        string? Attr(XElement disk, string element, string attribute) => disk.Element(element)?.Attribute(attribute)?.Value;
        Assert.Equal(["vda", "sda", "sdb", "sdc", "vdb"], disks.Select(d => Attr(d, "target", "dev")));
        Assert.Equal(["virtio", "sata", "scsi", "sata", "virtio"], disks.Select(d => Attr(d, "target", "bus")));
        Assert.Equal(["qcow2", "qcow2", "raw", "raw", "raw"], disks.Select(d => Attr(d, "driver", "type")));
        Assert.Equal(["disk", "disk", "disk", "cdrom", "disk"], disks.Select(d => d.Attribute("device")?.Value));
        Assert.EndsWith("/containerdisk-containerdisk.qcow2", Attr(disks[0], "source", "file"), StringComparison.Ordinal);
        Assert.EndsWith("/emptydisk-scratch.qcow2", Attr(disks[1], "source", "file"), StringComparison.Ordinal);
        Assert.Equal("/var/lib/disks/a.img", Attr(disks[2], "source", "file"));
        Assert.EndsWith("/cloudinit-cloudinit.iso", Attr(disks[3], "source", "file"), StringComparison.Ordinal);
        Assert.NotNull(disks[3].Element("readonly"));
        Assert.Equal("containerdisk", disks[0].Element("serial")?.Value);
        Assert.Contains(XElement.Parse(DomainXmlBuilder.Build(plan)).Element("devices")!.Elements("controller"), c => c.Attribute("model")?.Value == "virtio-scsi");

        Assert.EndsWith("/disk/disk.img", plan.Disks[0].BackingFile, StringComparison.Ordinal);
        Assert.Equal(2L * 1024 * 1024 * 1024, plan.Disks[1].CapacityBytes);
        Assert.Equal(1L * 1024 * 1024 * 1024, plan.Disks[2].CapacityBytes);
        Assert.Equal("instance-id: 8f8a3f0e-49c5-4d0b-a8d5-2a4a1f1f5c11\nlocal-hostname: vm1\n", plan.Disks[3].CloudInit?.MetaData);
        Assert.Equal("#cloud-config\n", plan.Disks[3].CloudInit?.UserData);
    }

    [Fact]
    public void Names_and_paths_are_xml_escaped()
    {
        var vmi = Vmi();
        vmi.Spec.Domain.Firmware!.KernelBoot!.KernelArgs = "console=ttyS0 x=\"<&>\"";

        var xml = DomainXmlBuilder.Build(_planner.Plan(vmi, "node-a", Path.Combine(_root, "state"), Accelerator.Tcg));

        Assert.Contains("x=\"&lt;&amp;&gt;\"", xml, StringComparison.Ordinal);
        Assert.Equal("console=ttyS0 x=\"<&>\" hostname=vm1", XElement.Parse(xml).Element("os")?.Element("cmdline")?.Value);
    }

    [Fact]
    public void A_disk_without_a_volume_and_an_unknown_bus_are_rejected()
    {
        var missing = Vmi();
        missing.Spec.Domain.Devices.Disks = [new Disk { Name = "nowhere" }];
        var usb = Vmi();
        usb.Spec.Domain.Devices.Disks![0].DiskTarget = new DiskTarget { Bus = "usb" };

        Assert.Throws<InvalidDomainSpecException>(() => _planner.Plan(missing, "node-a", _root, Accelerator.Tcg));
        Assert.Throws<InvalidDomainSpecException>(() => _planner.Plan(usb, "node-a", _root, Accelerator.Tcg));
    }

    [Fact]
    public void An_image_missing_from_the_store_is_reported_with_its_reference()
    {
        var vmi = Vmi();
        vmi.Spec.Volumes![0].ContainerDisk!.Image = "localhost/absent:latest";

        var error = Assert.Throws<ImageNotFoundException>(() => _planner.Plan(vmi, "node-a", _root, Accelerator.Tcg));

        Assert.Contains("localhost/absent:latest", error.Message, StringComparison.Ordinal);
    }

    private XElement Build(VirtualMachineInstance vmi, Accelerator accelerator) =>
        XElement.Parse(DomainXmlBuilder.Build(_planner.Plan(vmi, "node-a", Path.Combine(_root, "state"), accelerator)));

    private static VirtualMachineInstance Vmi()
    {
        var vmi = TestGuest.Vmi("ns1", "vm1", "node-a");
        vmi.Metadata.Uid = "8f8a3f0e-49c5-4d0b-a8d5-2a4a1f1f5c11";
        vmi.Spec.Domain.Firmware!.KernelBoot!.KernelArgs = "console=ttyS0 quiet";
        vmi.Spec.Domain.Firmware.KernelBoot.Container!.Image = Image;
        vmi.Spec.Volumes![0].ContainerDisk!.Image = Image;
        return vmi;
    }
}
