using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.Domain;
using VmLifecycle.Api.Volumes;

namespace VmLifecycle.Api.VirtualMachineInstances;

/// <summary>The specification of a virtual machine: its hardware (domain), its volumes and how it is started and stopped.</summary>
public sealed class VirtualMachineInstanceSpec
{
    /// <summary>Specification of the virtual hardware: CPU, memory, firmware and devices.</summary>
    [Required]
    [JsonPropertyName("domain")]
    public DomainSpec Domain { get; set; } = new();

    /// <summary>NodeSelector is a selector which must be true for the VirtualMachineInstance to fit on a node: only nodes with all these labels are chosen.</summary>
    [JsonPropertyName("nodeSelector")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IDictionary<string, string>? NodeSelector { get; set; }

    /// <summary>
    /// Grace period observed after signalling a VirtualMachineInstance to stop (ACPI power-off) after which it is forcibly
    /// destroyed. 0 destroys it immediately. Defaults to 30.
    /// </summary>
    [DefaultValue(KubeVirtDefaults.DefaultGracePeriodSeconds)]
    [JsonPropertyName("terminationGracePeriodSeconds")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? TerminationGracePeriodSeconds { get; set; }

    /// <summary>List of volumes that can be mounted by disks belonging to the virtual machine; a disk refers to a volume by name.</summary>
    [JsonPropertyName("volumes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IList<Volume>? Volumes { get; set; }

    /// <summary>StartStrategy can be set to Paused to create the virtual machine without running the guest until it is unpaused.</summary>
    [JsonPropertyName("startStrategy")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StartStrategy? StartStrategy { get; set; }

    /// <summary>Specifies the hostname of the guest. If not specified, the name of the VirtualMachineInstance is used.</summary>
    [JsonPropertyName("hostname")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Hostname { get; set; }

    /// <summary>If specified, the fully qualified guest hostname is hostname.subdomain.namespace.svc.cluster-domain.</summary>
    [JsonPropertyName("subdomain")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Subdomain { get; set; }

    /// <summary>List of networks the guest's interfaces connect to (KubeVirt Network objects, for example the pod network). Kept as given.</summary>
    [JsonPropertyName("networks")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IList<JsonElement>? Networks { get; set; }

    /// <summary>EvictionStrategy describes what happens when the node is drained: LiveMigrate, LiveMigrateIfPossible, External or None. Accepted and stored.</summary>
    [JsonPropertyName("evictionStrategy")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EvictionStrategy { get; set; }

    /// <summary>Periodic probe of the guest's liveness (KubeVirt Probe). A liveness probe other than guestAgentPing prevents pausing.</summary>
    [JsonPropertyName("livenessProbe")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? LivenessProbe { get; set; }

    /// <summary>Periodic probe of the guest's readiness (KubeVirt Probe). Kept as given.</summary>
    [JsonPropertyName("readinessProbe")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? ReadinessProbe { get; set; }

    /// <summary>Spec fields of KubeVirt that VmLifecycle does not model (affinity, tolerations, ...); kept so that they survive a read-modify-write.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
