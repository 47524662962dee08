using System.Text.Json.Serialization;

namespace VmLifecycle.Api.Domain;

/// <summary>How a volume is attached as a cdrom.</summary>
public sealed class CdromTarget
{
    /// <summary>Bus indicates the type of disk device to emulate: virtio, sata or scsi.</summary>
    [JsonPropertyName("bus")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Bus { get; set; }

    /// <summary>ReadOnly attaches the cdrom read-only. Defaults to true.</summary>
    [JsonPropertyName("readonly")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ReadOnly { get; set; }

    /// <summary>Tray indicates if the tray of the device is open or closed: "open" or "closed". Defaults to closed.</summary>
    [JsonPropertyName("tray")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Tray { get; set; }
}
