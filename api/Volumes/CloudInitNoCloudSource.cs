using System.Text.Json.Serialization;

namespace VmLifecycle.Api.Volumes;

/// <summary>cloud-init NoCloud data for the guest. Give the user data in one way only: userData, userDataBase64 or secretRef.</summary>
public sealed class CloudInitNoCloudSource
{
    /// <summary>UserData contains NoCloud inline cloud-init user data.</summary>
    [JsonPropertyName("userData")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UserData { get; set; }

    /// <summary>UserDataBase64 contains NoCloud cloud-init user data as a base64 encoded string.</summary>
    [JsonPropertyName("userDataBase64")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UserDataBase64 { get; set; }

    /// <summary>UserDataSecretRef references a Secret that contains NoCloud user data (key userdata or userData).</summary>
    [JsonPropertyName("secretRef")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LocalObjectReference? SecretRef { get; set; }

    /// <summary>NetworkData contains NoCloud inline cloud-init network data.</summary>
    [JsonPropertyName("networkData")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NetworkData { get; set; }

    /// <summary>NetworkDataBase64 contains NoCloud cloud-init network data as a base64 encoded string.</summary>
    [JsonPropertyName("networkDataBase64")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NetworkDataBase64 { get; set; }

    /// <summary>NetworkDataSecretRef references a Secret that contains NoCloud network data (key networkdata or networkData).</summary>
    [JsonPropertyName("networkDataSecretRef")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LocalObjectReference? NetworkDataSecretRef { get; set; }
}
