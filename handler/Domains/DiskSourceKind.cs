namespace VmLifecycle.Handler.Domains;

/// <summary>What has to exist on the node before a disk can be attached.</summary>
internal enum DiskSourceKind
{
    /// <summary>A qcow2 overlay in the state directory over the image's raw disk (the image stays read-only and shareable).</summary>
    ContainerDiskOverlay,

    /// <summary>A sparse qcow2 of the given capacity in the state directory, recreated for each VMI.</summary>
    EmptyDisk,

    /// <summary>An existing host file (hostDisk type Disk).</summary>
    HostDisk,

    /// <summary>A host file created sparse with the given capacity when missing (hostDisk type DiskOrCreate).</summary>
    HostDiskOrCreate,

    /// <summary>A NoCloud seed ISO (volume label cidata) generated in the state directory.</summary>
    CloudInitNoCloud,
}
