namespace VmLifecycle.Handler.Domains;

/// <summary>
/// One disk of a domain, resolved from a VMI disk and its volume: where its file is, how to create it, and how the
/// guest sees it. <see cref="BackingFile"/> is the image file of a containerDisk; <see cref="CapacityBytes"/> the
/// size of an emptyDisk or a DiskOrCreate hostDisk; <see cref="CloudInit"/> the seed's contents.
/// </summary>
internal sealed record PlannedDisk(
    string Name,
    DiskSourceKind Kind,
    string SourcePath,
    string Format,
    string Device,
    string Bus,
    string TargetDevice,
    bool ReadOnly,
    string? Serial,
    int? BootOrder)
{
    public string? BackingFile { get; init; }

    public long? CapacityBytes { get; init; }

    public CloudInitSeedContent? CloudInit { get; init; }
}
