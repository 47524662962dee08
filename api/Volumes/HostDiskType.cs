using System.Text.Json.Serialization;

namespace VmLifecycle.Api.Volumes;

/// <summary>Whether a host disk image must exist or may be created.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HostDiskType>))]
public enum HostDiskType
{
    /// <summary>The disk image must already exist at the path.</summary>
    Disk,

    /// <summary>The disk image is created with the given capacity if it does not exist.</summary>
    DiskOrCreate,
}
