using System.Globalization;
using System.Xml.Linq;

namespace VmLifecycle.Handler.Domains;

/// <summary>
/// Builds libvirt domain XML from a <see cref="DomainPlan"/>, in the shape verified on these machines
/// (hack/testdata/test-guest-domain.xml): q35, direct kernel boot, virtio disks, the serial console to a file, user-mode
/// networking with a virtio NIC, an ISA panic device (a guest panic becomes a libvirt crash event), no USB controller
/// and no balloon. Power-off, reboot and crash all stop the domain: restarting is the VM controller's decision, not
/// QEMU's. XML is built with LINQ to XML, so names and paths are escaped.
/// </summary>
internal static class DomainXmlBuilder
{
    public const string Emulator = "/usr/bin/qemu-system-x86_64";

    public static string Build(DomainPlan plan)
    {
        var devices = new XElement("devices", new XElement("emulator", Emulator));
        foreach (var disk in plan.Disks)
        {
            devices.Add(Disk(disk));
        }

        if (plan.Disks.Any(d => d.Bus == "scsi"))
        {
            devices.Add(new XElement("controller", new XAttribute("type", "scsi"), new XAttribute("model", "virtio-scsi")));
        }

        devices.Add(
            new XElement("interface", new XAttribute("type", "user"), new XElement("model", new XAttribute("type", "virtio"))),
            new XElement("serial", new XAttribute("type", "file"), LogSource(plan), new XElement("target", new XAttribute("port", "0"))),
            new XElement("console", new XAttribute("type", "file"), LogSource(plan), new XElement("target", new XAttribute("type", "serial"), new XAttribute("port", "0"))),
            new XElement("panic", new XAttribute("model", "isa")),
            new XElement("controller", new XAttribute("type", "usb"), new XAttribute("model", "none")),
            new XElement("memballoon", new XAttribute("model", "none")));

        var domain = new XElement("domain",
            new XAttribute("type", plan.Accelerator == Accelerator.Kvm ? "kvm" : "qemu"),
            new XElement("name", plan.Identity.DomainName),
            new XElement("uuid", plan.Uuid.ToString("D")),
            new XElement("metadata", plan.Identity.ToElement()),
            new XElement("memory", new XAttribute("unit", "KiB"), plan.MemoryKiB.ToString(CultureInfo.InvariantCulture)),
            new XElement("vcpu", new XAttribute("placement", "static"), plan.Cpu.VCpus.ToString(CultureInfo.InvariantCulture)),
            Os(plan),
            new XElement("features", new XElement("acpi")),
            Cpu(plan),
            new XElement("clock", new XAttribute("offset", "utc")),
            new XElement("on_poweroff", "destroy"),
            new XElement("on_reboot", "destroy"),
            new XElement("on_crash", "destroy"),
            devices);
        return domain.ToString();
    }

    private static XElement Os(DomainPlan plan)
    {
        var os = new XElement("os", new XElement("type", new XAttribute("arch", "x86_64"), new XAttribute("machine", plan.MachineType), "hvm"));
        if (plan.KernelBoot is { } boot)
        {
            os.Add(new XElement("kernel", boot.Kernel));
            if (boot.Initrd is not null)
            {
                os.Add(new XElement("initrd", boot.Initrd));
            }

            os.Add(new XElement("cmdline", boot.CommandLine));
        }

        return os;
    }

    private static XElement Cpu(DomainPlan plan)
    {
        var topology = new XElement("topology",
            new XAttribute("sockets", plan.Cpu.Sockets),
            new XAttribute("dies", 1),
            new XAttribute("cores", plan.Cpu.Cores),
            new XAttribute("threads", plan.Cpu.Threads));

        // TCG cannot pass the host CPU through; qemu64 is the model verified with the test guest.
        return plan.Accelerator == Accelerator.Kvm
            ? new XElement("cpu", new XAttribute("mode", "host-passthrough"), new XAttribute("check", "none"), topology)
            : new XElement("cpu", new XAttribute("mode", "custom"), new XAttribute("match", "exact"), new XAttribute("check", "none"),
                new XElement("model", new XAttribute("fallback", "forbid"), "qemu64"), topology);
    }

    private static XElement LogSource(DomainPlan plan) =>
        new("source", new XAttribute("path", plan.State.SerialLog), new XAttribute("append", "on"));

    private static XElement Disk(PlannedDisk disk)
    {
        var driver = new XElement("driver", new XAttribute("name", "qemu"), new XAttribute("type", disk.Format));
        if (disk.Device == "disk" && disk.Kind != DiskSourceKind.CloudInitNoCloud)
        {
            // cache=none (O_DIRECT) as in the verified XML; a seed ISO keeps the default, it is tiny and read once.
            driver.Add(new XAttribute("cache", "none"));
        }

        var element = new XElement("disk", new XAttribute("type", "file"), new XAttribute("device", disk.Device),
            driver,
            new XElement("source", new XAttribute("file", disk.SourcePath)),
            new XElement("target", new XAttribute("dev", disk.TargetDevice), new XAttribute("bus", disk.Bus)));
        if (disk.ReadOnly)
        {
            element.Add(new XElement("readonly"));
        }

        if (disk.Serial is not null && disk.Device == "disk")
        {
            element.Add(new XElement("serial", disk.Serial));
        }

        if (disk.BootOrder is { } order)
        {
            element.Add(new XElement("boot", new XAttribute("order", order)));
        }

        return element;
    }
}
