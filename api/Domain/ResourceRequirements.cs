using System.Text.Json.Serialization;
using k8s.Models;

namespace VmLifecycle.Api.Domain;

/// <summary>The compute resources of a virtual machine, in Kubernetes quantities (for example memory: 64Mi, cpu: "1").</summary>
public sealed class ResourceRequirements
{
    /// <summary>Requests is a description of the initial resources of the virtual machine. Valid resource keys are "memory" and "cpu".</summary>
    [JsonPropertyName("requests")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IDictionary<string, ResourceQuantity>? Requests { get; set; }

    /// <summary>Limits describes the maximum amount of compute resources allowed. Valid resource keys are "memory" and "cpu".</summary>
    [JsonPropertyName("limits")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IDictionary<string, ResourceQuantity>? Limits { get; set; }

    /// <summary>Do not ask the scheduler to take the guest-management overhead into account. Defaults to false.</summary>
    [JsonPropertyName("overcommitGuestOverhead")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? OvercommitGuestOverhead { get; set; }
}
