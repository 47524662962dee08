using System.Text.Json.Serialization;
using k8s;
using VmLifecycle.Api.Subresources;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Api.Serialization;

// Unknown-field rule for every type in api/: a type that mirrors a KubeVirt type we model only in part carries a
// [JsonExtensionData] AdditionalProperties dictionary, so that fields we do not know (devices.interfaces details,
// affinity, ...) survive a read-modify-write such as the VM controller copying spec.template into a VMI; the CRD
// generator marks its schema x-kubernetes-preserve-unknown-fields. A type that declares every field of its KubeVirt
// counterpart (conditions, stateChangeRequests, the VM spec with its opaque members, subresource options) has none, so
// its schema stays strict and a typo is rejected by the API server.

/// <summary>
/// Source-generated (trimming and NativeAOT safe) JSON metadata for the kubevirt.io/v1 resources, their lists and the
/// subresource option bodies, with Kubernetes' conventions: nulls omitted, enums as strings, RFC 3339 timestamps,
/// quantities as strings. Use it through <see cref="ApiJson"/>, or add <see cref="Default"/> to a resolver chain.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    Converters = [typeof(KubernetesJson.KubernetesDateTimeConverter), typeof(KubernetesJson.KubernetesDateTimeOffsetConverter)])]
[JsonSerializable(typeof(VirtualMachine))]
[JsonSerializable(typeof(VirtualMachineList))]
[JsonSerializable(typeof(VirtualMachineInstance))]
[JsonSerializable(typeof(VirtualMachineInstanceList))]
[JsonSerializable(typeof(StartOptions))]
[JsonSerializable(typeof(StopOptions))]
[JsonSerializable(typeof(RestartOptions))]
[JsonSerializable(typeof(PauseOptions))]
[JsonSerializable(typeof(UnpauseOptions))]
[JsonSerializable(typeof(RenameOptions))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
