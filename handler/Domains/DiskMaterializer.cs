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

        // Host files first, in disk order: a missing hostDisk fails before any tool runs. The tools (qemu-img, xorriso)
        // then run side by side, each on a file of its own disk in the state directory; the first failure in disk
        // order is the one reported, once every tool has finished.
        var tools = new List<Func<Task>>();
        var scheduled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var disk in plan.Disks)
        {
            if ((disk.Kind is DiskSourceKind.ContainerDiskOverlay or DiskSourceKind.EmptyDisk or DiskSourceKind.CloudInitNoCloud) && !scheduled.Add(disk.SourcePath))
            {
                continue; // Two disks on one volume share its file: one tool makes it, as the first did when they ran in turn.
            }

            switch (disk.Kind)
            {
                case DiskSourceKind.ContainerDiskOverlay when !File.Exists(disk.SourcePath):
                    tools.Add(() => ToolRunner.RunAsync("qemu-img", ["create", "-q", "-f", "qcow2", "-F", "raw", "-b", disk.BackingFile!, disk.SourcePath], null, cancellationToken));
                    break;
                case DiskSourceKind.EmptyDisk when !File.Exists(disk.SourcePath):
                    tools.Add(() => ToolRunner.RunAsync("qemu-img", ["create", "-q", "-f", "qcow2", disk.SourcePath, disk.CapacityBytes!.Value.ToString(CultureInfo.InvariantCulture)], null, cancellationToken));
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
                    tools.Add(() => CloudInitSeed.WriteAsync(disk.SourcePath, disk.CloudInit!, cancellationToken));
                    break;
                default:
                    break;
            }
        }

        await Task.WhenAll(tools.Select(tool => Task.Run(tool, CancellationToken.None)));
    }
}
