using System.Globalization;

namespace VmLifecycle.Handler.Domains;

/// <summary>
/// Creates the files of a <see cref="DomainPlan"/> before the domain is defined: the state directory (libvirt opens the
/// serial log there itself), containerDisk overlays (<c>qemu-img create -f qcow2 -F raw -b image overlay</c>; the
/// backing format must be given, and the image's own disk cannot be shared read-write between domains), emptyDisks,
/// DiskOrCreate host files (sparse) and cloud-init seeds. Files that already exist are kept, so re-running for an
/// adopted domain changes nothing.
/// </summary>
internal static class DiskMaterializer
{
    public static async Task CreateAsync(DomainPlan plan, CancellationToken cancellationToken)
    {
        plan.State.Create();
        foreach (var disk in plan.Disks)
        {
            switch (disk.Kind)
            {
                case DiskSourceKind.ContainerDiskOverlay when !File.Exists(disk.SourcePath):
                    await ToolRunner.RunAsync("qemu-img", ["create", "-q", "-f", "qcow2", "-F", "raw", "-b", disk.BackingFile!, disk.SourcePath], null, cancellationToken);
                    break;
                case DiskSourceKind.EmptyDisk when !File.Exists(disk.SourcePath):
                    await ToolRunner.RunAsync("qemu-img", ["create", "-q", "-f", "qcow2", disk.SourcePath, disk.CapacityBytes!.Value.ToString(CultureInfo.InvariantCulture)], null, cancellationToken);
                    break;
                case DiskSourceKind.HostDisk when !File.Exists(disk.SourcePath):
                    throw new InvalidDomainSpecException($"hostDisk {disk.Name}: {disk.SourcePath} does not exist");
                case DiskSourceKind.HostDiskOrCreate when !File.Exists(disk.SourcePath):
                    Directory.CreateDirectory(Path.GetDirectoryName(disk.SourcePath)!);
                    await using (var file = new FileStream(disk.SourcePath, FileMode.CreateNew, FileAccess.Write))
                    {
                        file.SetLength(disk.CapacityBytes!.Value);
                    }

                    break;
                case DiskSourceKind.CloudInitNoCloud when !File.Exists(disk.SourcePath):
                    await CloudInitSeed.WriteAsync(disk.SourcePath, disk.CloudInit!, cancellationToken);
                    break;
                default:
                    break;
            }
        }
    }
}
