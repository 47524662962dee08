using k8s.Models;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.Volumes;
using ApiDisk = VmLifecycle.Api.Domain.Disk;

namespace VmLifecycle.Handler.Domains;

/// <summary>
/// Turns a VMI into a <see cref="DomainPlan"/>: resources, kernel boot from the image store, and one
/// <see cref="PlannedDisk"/> per disk (volumes without a disk entry get a virtio disk, as KubeVirt's defaults do).
/// Pure apart from reading the image store, so the XML it leads to is unit-testable; <see cref="DiskMaterializer"/>
/// creates the files.
/// </summary>
internal sealed class DomainPlanner(ImageStore images)
{
    public const string DefaultMachineType = "q35";
    public const long DefaultMemoryBytes = 128L * 1024 * 1024;
    private const string DefaultContainerDiskPath = "disk/disk.img";

    /// <param name="vmi">The VMI to plan.</param>
    /// <param name="node">This handler's node.</param>
    /// <param name="stateDirectory">The handler's state directory.</param>
    /// <param name="accelerator">KVM or TCG.</param>
    /// <param name="cloudInitSecrets">The data of cloudInitNoCloud secret refs by volume name (<see cref="CloudInitSecretReader"/>).</param>
    public DomainPlan Plan(VirtualMachineInstance vmi, string node, string stateDirectory, Accelerator accelerator, IReadOnlyDictionary<string, CloudInitSecretData>? cloudInitSecrets = null)
    {
        var metadata = vmi.Metadata;
        var identity = new DomainIdentity(metadata.NamespaceProperty ?? "default", metadata.Name, metadata.Uid ?? "", node);
        if (string.IsNullOrEmpty(identity.Uid))
        {
            throw new InvalidDomainSpecException("the VirtualMachineInstance has no uid");
        }

        var state = InstanceStateDirectory.For(stateDirectory, identity);
        var domain = vmi.Spec.Domain;
        var cpu = new CpuTopology(Positive(domain.Cpu?.Sockets), Positive(domain.Cpu?.Cores), Positive(domain.Cpu?.Threads));
        return new DomainPlan(
            identity,
            Guid.TryParse(identity.Uid, out var uuid) ? uuid : Guid.NewGuid(),
            accelerator,
            string.IsNullOrEmpty(domain.Machine?.Type) ? DefaultMachineType : domain.Machine.Type,
            cpu,
            MemoryKiB(vmi),
            KernelBoot(vmi),
            PlanDisks(vmi, state, cloudInitSecrets),
            state,
            vmi.Spec.StartStrategy == StartStrategy.Paused);
    }

    private static int Positive(int? value) => value is > 0 ? value.Value : 1;

    private static long MemoryKiB(VirtualMachineInstance vmi)
    {
        var domain = vmi.Spec.Domain;
        ResourceQuantity? quantity = null;
        if (domain.Resources?.Requests?.TryGetValue("memory", out var requested) == true)
        {
            quantity = requested;
        }
        else if (domain.Memory?.Guest is { } guest)
        {
            quantity = guest;
        }
        else if (domain.Resources?.Limits?.TryGetValue("memory", out var limit) == true)
        {
            quantity = limit;
        }

        var bytes = quantity is null ? DefaultMemoryBytes : Bytes(quantity, "memory");
        return bytes <= 0 ? throw new InvalidDomainSpecException($"memory must be positive, not {quantity}") : (bytes + 1023) / 1024;
    }

    private static long Bytes(ResourceQuantity quantity, string what)
    {
        try
        {
            return quantity.ToInt64();
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw new InvalidDomainSpecException($"{what}: invalid quantity {quantity}", e);
        }
    }

    private KernelBootFiles? KernelBoot(VirtualMachineInstance vmi)
    {
        var kernelBoot = vmi.Spec.Domain.Firmware?.KernelBoot;
        if (kernelBoot?.Container is not { } container)
        {
            return null;
        }

        if (string.IsNullOrEmpty(container.KernelPath))
        {
            throw new InvalidDomainSpecException("firmware.kernelBoot.container.kernelPath is required");
        }

        var kernel = ResolveImageFile(container.Image, container.KernelPath);
        var initrd = string.IsNullOrEmpty(container.InitrdPath) ? null : ResolveImageFile(container.Image, container.InitrdPath);
        var args = kernelBoot.KernelArgs?.Trim() ?? "";

        // The test guest (and many minimal initramfs) name themselves from hostname= on the command line.
        if (!args.Contains("hostname=", StringComparison.Ordinal))
        {
            args = $"{args} hostname={Hostname(vmi)}".Trim();
        }

        return new KernelBootFiles(kernel, initrd, args);
    }

    private string ResolveImageFile(string image, string path)
    {
        try
        {
            return images.ResolveFile(image, path);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDomainSpecException(e.Message, e);
        }
    }

    internal static string Hostname(VirtualMachineInstance vmi) =>
        string.IsNullOrEmpty(vmi.Spec.Hostname) ? vmi.Metadata.Name : vmi.Spec.Hostname;

    private List<PlannedDisk> PlanDisks(VirtualMachineInstance vmi, InstanceStateDirectory state, IReadOnlyDictionary<string, CloudInitSecretData>? cloudInitSecrets)
    {
        var volumes = vmi.Spec.Volumes ?? [];
        var disks = (vmi.Spec.Domain.Devices.Disks ?? []).ToList();
        foreach (var volume in volumes.Where(v => disks.All(d => d.Name != v.Name)))
        {
            disks.Add(new ApiDisk { Name = volume.Name });
        }

        var letters = new Dictionary<string, int>(StringComparer.Ordinal);
        var planned = new List<PlannedDisk>(disks.Count);
        foreach (var disk in disks)
        {
            var volume = volumes.FirstOrDefault(v => v.Name == disk.Name)
                ?? throw new InvalidDomainSpecException($"disk {disk.Name} has no volume of that name");
            var device = disk.Cdrom is not null ? "cdrom" : "disk";
            var bus = (disk.Cdrom?.Bus ?? disk.DiskTarget?.Bus ?? (device == "cdrom" ? "sata" : "virtio")).ToLowerInvariant();
            var prefix = bus switch
            {
                "virtio" => "vd",
                "sata" or "scsi" => "sd",
                _ => throw new InvalidDomainSpecException($"disk {disk.Name}: bus {bus} is not supported (virtio, sata, scsi)"),
            };
            var index = letters.GetValueOrDefault(prefix);
            letters[prefix] = index + 1;
            var target = prefix + (char)('a' + index);
            var readOnly = disk.Cdrom is not null || disk.DiskTarget?.ReadOnly == true;
            planned.Add(PlanSource(vmi, volume, state, cloudInitSecrets) with
            {
                Device = device,
                Bus = bus,
                TargetDevice = target,
                ReadOnly = readOnly || volume.CloudInitNoCloud is not null && device == "cdrom",
                Serial = disk.Serial ?? disk.Name,
                BootOrder = disk.BootOrder,
            });
        }

        return planned;
    }

    private PlannedDisk PlanSource(VirtualMachineInstance vmi, Volume volume, InstanceStateDirectory state, IReadOnlyDictionary<string, CloudInitSecretData>? cloudInitSecrets)
    {
        var name = volume.Name;
        if (volume.ContainerDisk is { } containerDisk)
        {
            var backing = ResolveImageFile(containerDisk.Image, string.IsNullOrEmpty(containerDisk.Path) ? DefaultContainerDiskPath : containerDisk.Path);
            return Disk(name, DiskSourceKind.ContainerDiskOverlay, state.File($"containerdisk-{name}.qcow2"), "qcow2") with { BackingFile = backing };
        }

        if (volume.EmptyDisk is { } emptyDisk)
        {
            var capacity = emptyDisk.Capacity is null ? throw new InvalidDomainSpecException($"emptyDisk {name} needs a capacity") : Bytes(emptyDisk.Capacity, name);
            return Disk(name, DiskSourceKind.EmptyDisk, state.File($"emptydisk-{name}.qcow2"), "qcow2") with { CapacityBytes = capacity };
        }

        if (volume.HostDisk is { } hostDisk)
        {
            if (!Path.IsPathFullyQualified(hostDisk.Path))
            {
                throw new InvalidDomainSpecException($"hostDisk {name}: path {hostDisk.Path} must be absolute");
            }

            return hostDisk.Type == HostDiskType.DiskOrCreate
                ? Disk(name, DiskSourceKind.HostDiskOrCreate, hostDisk.Path, "raw") with
                {
                    CapacityBytes = hostDisk.Capacity is null ? throw new InvalidDomainSpecException($"hostDisk {name} of type DiskOrCreate needs a capacity") : Bytes(hostDisk.Capacity, name),
                }
                : Disk(name, DiskSourceKind.HostDisk, hostDisk.Path, "raw");
        }

        if (volume.CloudInitNoCloud is { } cloudInit)
        {
            return Disk(name, DiskSourceKind.CloudInitNoCloud, state.File($"cloudinit-{name}.iso"), "raw") with { CloudInit = CloudInitContent(cloudInit, name, vmi, cloudInitSecrets?.GetValueOrDefault(name)) };
        }

        throw new InvalidDomainSpecException($"volume {name}: only containerDisk, emptyDisk, hostDisk and cloudInitNoCloud are supported on this node");
    }

    private static PlannedDisk Disk(string name, DiskSourceKind kind, string path, string format) =>
        new(name, kind, path, format, "disk", "virtio", "", ReadOnly: false, Serial: null, BootOrder: null);

    private static CloudInitSeedContent CloudInitContent(CloudInitNoCloudSource source, string name, VirtualMachineInstance vmi, CloudInitSecretData? secret)
    {
        if ((source.SecretRef is not null && secret?.UserData is null) || (source.NetworkDataSecretRef is not null && secret?.NetworkData is null))
        {
            throw new InvalidDomainSpecException($"cloudInitNoCloud {name}: the data of its secret refs was not read");
        }

        // KubeVirt admits one source each for user and network data; a secret ref wins, as KubeVirt's resolved data does.
        var userData = (source.SecretRef is not null ? secret!.UserData : null) ?? source.UserData ?? Decode(source.UserDataBase64, name) ?? "";
        var networkData = (source.NetworkDataSecretRef is not null ? secret!.NetworkData : null) ?? source.NetworkData ?? Decode(source.NetworkDataBase64, name);
        return new CloudInitSeedContent(userData, CloudInitSeed.MetaData(vmi.Metadata.Uid ?? "", Hostname(vmi)), networkData);
    }

    private static string? Decode(string? base64, string name)
    {
        if (base64 is null)
        {
            return null;
        }

        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException e)
        {
            throw new InvalidDomainSpecException($"cloudInitNoCloud {name}: invalid base64", e);
        }
    }
}
