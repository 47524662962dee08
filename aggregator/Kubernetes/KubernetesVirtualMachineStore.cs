using System.Text.Json;
using k8s;
using k8s.Models;
using VmLifecycle.Api;
using VmLifecycle.Api.Serialization;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Kubernetes;

/// <summary><see cref="IVirtualMachineStore"/> on KubernetesClient: the CustomObjects API for our resources, the typed client for Nodes.</summary>
internal sealed class KubernetesVirtualMachineStore(IKubernetes kubernetes) : IVirtualMachineStore
{
    public async Task<VirtualMachine?> GetVmAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        var found = await KubernetesErrors.OrNullWhenNotFoundAsync(() => kubernetes.CustomObjects.GetNamespacedCustomObjectAsync(
            KubeVirtGroup.Name, KubeVirtGroup.Version, @namespace, VirtualMachine.KubePluralName, name, cancellationToken));
        return found is null ? null : Read<VirtualMachine>(found);
    }

    public async Task<VirtualMachineInstance?> GetVmiAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        var found = await KubernetesErrors.OrNullWhenNotFoundAsync(() => kubernetes.CustomObjects.GetNamespacedCustomObjectAsync(
            KubeVirtGroup.Name, KubeVirtGroup.Version, @namespace, VirtualMachineInstance.KubePluralName, name, cancellationToken));
        return found is null ? null : Read<VirtualMachineInstance>(found);
    }

    public Task PatchVmAsync(string @namespace, string name, JsonPatch patch, CancellationToken cancellationToken) =>
        KubernetesErrors.TranslateAsync(() => kubernetes.CustomObjects.PatchNamespacedCustomObjectAsync(
            Body(patch), KubeVirtGroup.Name, KubeVirtGroup.Version, @namespace, VirtualMachine.KubePluralName, name, cancellationToken: cancellationToken));

    public Task PatchVmStatusAsync(string @namespace, string name, JsonPatch patch, CancellationToken cancellationToken) =>
        KubernetesErrors.TranslateAsync(() => kubernetes.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            Body(patch), KubeVirtGroup.Name, KubeVirtGroup.Version, @namespace, VirtualMachine.KubePluralName, name, cancellationToken: cancellationToken));

    public Task PatchVmiAsync(string @namespace, string name, JsonPatch patch, CancellationToken cancellationToken) =>
        KubernetesErrors.TranslateAsync(() => kubernetes.CustomObjects.PatchNamespacedCustomObjectAsync(
            Body(patch), KubeVirtGroup.Name, KubeVirtGroup.Version, @namespace, VirtualMachineInstance.KubePluralName, name, cancellationToken: cancellationToken));

    public async Task<VirtualMachine> CreateVmAsync(VirtualMachine virtualMachine, CancellationToken cancellationToken)
    {
        using var body = JsonDocument.Parse(ApiJson.Serialize(virtualMachine));
        var created = await KubernetesErrors.TranslateAsync(() => kubernetes.CustomObjects.CreateNamespacedCustomObjectAsync(
            body.RootElement, KubeVirtGroup.Name, KubeVirtGroup.Version, virtualMachine.Metadata.NamespaceProperty, VirtualMachine.KubePluralName,
            cancellationToken: cancellationToken));
        return Read<VirtualMachine>(created);
    }

    public Task DeleteVmAsync(string @namespace, string name, DeletePreconditions? preconditions, CancellationToken cancellationToken)
    {
        var options = new V1DeleteOptions
        {
            Preconditions = preconditions is null ? null : new V1Preconditions { Uid = preconditions.Uid, ResourceVersion = preconditions.ResourceVersion },
        };
        return KubernetesErrors.TranslateAsync(() => kubernetes.CustomObjects.DeleteNamespacedCustomObjectAsync(
            KubeVirtGroup.Name, KubeVirtGroup.Version, @namespace, VirtualMachine.KubePluralName, name, options, cancellationToken: cancellationToken));
    }

    public Task<V1Node?> GetNodeAsync(string name, CancellationToken cancellationToken) =>
        KubernetesErrors.OrNullWhenNotFoundAsync(() => kubernetes.CoreV1.ReadNodeAsync(name, cancellationToken: cancellationToken))!;

    private static V1Patch Body(JsonPatch patch) => new(patch.ToJson(), V1Patch.PatchType.JsonPatch);

    private static T Read<T>(object body)
    {
        var json = body is JsonElement element ? element.GetRawText() : KubernetesJson.Serialize(body);
        return ApiJson.Deserialize<T>(json) ?? throw new KubernetesApiException(500, "InternalError", $"the API server returned no {typeof(T).Name}");
    }
}
