using System.Text.Json;
using k8s;
using k8s.Models;
using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Api;
using VmLifecycle.Api.Serialization;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Controllers;

/// <summary>
/// The controllers' writes: create and delete VMIs, replace statuses through /status with the resourceVersion read (a
/// concurrent change fails with 409 instead of being overwritten), JSON-patch VMs. Errors are <see cref="KubernetesApiException"/>.
/// </summary>
internal sealed class KubeVirtObjectWriter(IKubernetes kubernetes)
{
    public async Task<VirtualMachineInstance> CreateVmiAsync(VirtualMachineInstance vmi, CancellationToken cancellationToken)
    {
        using var body = JsonDocument.Parse(ApiJson.Serialize(vmi));
        var created = await KubernetesErrors.TranslateAsync(() => kubernetes.CustomObjects.CreateNamespacedCustomObjectAsync(
            body.RootElement, KubeVirtGroup.Name, KubeVirtGroup.Version, vmi.Metadata.NamespaceProperty, VirtualMachineInstance.KubePluralName,
            cancellationToken: cancellationToken));
        return Read<VirtualMachineInstance>(created);
    }

    /// <summary>Deletes the VMI with this uid (a precondition); false when it is already gone or was replaced.</summary>
    public async Task<bool> DeleteVmiAsync(string @namespace, string name, string uid, CancellationToken cancellationToken)
    {
        var options = new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = uid } };
        try
        {
            await KubernetesErrors.TranslateAsync(() => kubernetes.CustomObjects.DeleteNamespacedCustomObjectAsync(
                KubeVirtGroup.Name, KubeVirtGroup.Version, @namespace, VirtualMachineInstance.KubePluralName, name, options, cancellationToken: cancellationToken));
            return true;
        }
        catch (KubernetesApiException e) when (e.IsNotFound || e.IsConflict)
        {
            return false;
        }
    }

    public async Task<VirtualMachine> ReplaceVmStatusAsync(VirtualMachine vm, CancellationToken cancellationToken)
    {
        using var body = JsonDocument.Parse(ApiJson.Serialize(vm));
        var replaced = await KubernetesErrors.TranslateAsync(() => kubernetes.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(
            body.RootElement, KubeVirtGroup.Name, KubeVirtGroup.Version, vm.Metadata.NamespaceProperty, VirtualMachine.KubePluralName, vm.Metadata.Name,
            cancellationToken: cancellationToken));
        return Read<VirtualMachine>(replaced);
    }

    public async Task<VirtualMachineInstance> ReplaceVmiStatusAsync(VirtualMachineInstance vmi, CancellationToken cancellationToken)
    {
        using var body = JsonDocument.Parse(ApiJson.Serialize(vmi));
        var replaced = await KubernetesErrors.TranslateAsync(() => kubernetes.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(
            body.RootElement, KubeVirtGroup.Name, KubeVirtGroup.Version, vmi.Metadata.NamespaceProperty, VirtualMachineInstance.KubePluralName, vmi.Metadata.Name,
            cancellationToken: cancellationToken));
        return Read<VirtualMachineInstance>(replaced);
    }

    public Task PatchVmAsync(string @namespace, string name, JsonPatch patch, CancellationToken cancellationToken) =>
        KubernetesErrors.TranslateAsync(() => kubernetes.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(patch.ToJson(), V1Patch.PatchType.JsonPatch), KubeVirtGroup.Name, KubeVirtGroup.Version, @namespace, VirtualMachine.KubePluralName, name,
            cancellationToken: cancellationToken));

    public Task PatchVmStatusAsync(string @namespace, string name, JsonPatch patch, CancellationToken cancellationToken) =>
        KubernetesErrors.TranslateAsync(() => kubernetes.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch(patch.ToJson(), V1Patch.PatchType.JsonPatch), KubeVirtGroup.Name, KubeVirtGroup.Version, @namespace, VirtualMachine.KubePluralName, name,
            cancellationToken: cancellationToken));

    private static T Read<T>(object body)
    {
        var json = body is JsonElement element ? element.GetRawText() : KubernetesJson.Serialize(body);
        return ApiJson.Deserialize<T>(json) ?? throw new KubernetesApiException(500, "InternalError", $"the API server returned no {typeof(T).Name}");
    }
}
