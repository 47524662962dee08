using System.Globalization;
using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using VmLifecycle.Api;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.Serialization;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Tests.TestSupport;

/// <summary>Reads and writes the local cluster as a user and as the node handler would (a test double of the handler's writes).</summary>
internal sealed class ClusterDriver(IKubernetes client) : IDisposable
{
    public const string Namespace = "default";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public IKubernetes Client => client;

    public async Task<VirtualMachine> CreateVmAsync(string name, RunStrategy? runStrategy, bool? running = null)
    {
        var vm = new VirtualMachine
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
            Spec = new VirtualMachineSpec
            {
                RunStrategy = runStrategy,
                Running = running,
                Template = new VirtualMachineInstanceTemplateSpec
                {
                    Metadata = new V1ObjectMeta
                    {
                        Labels = new Dictionary<string, string> { ["app"] = name },
                        Annotations = new Dictionary<string, string> { ["note"] = "from-template" },
                    },
                    Spec = new VirtualMachineInstanceSpec { TerminationGracePeriodSeconds = 30 },
                },
            },
        };
        using var body = JsonDocument.Parse(ApiJson.Serialize(vm));
        var created = await client.CustomObjects.CreateNamespacedCustomObjectAsync(
            body.RootElement, KubeVirtGroup.Name, KubeVirtGroup.Version, Namespace, VirtualMachine.KubePluralName, cancellationToken: Token);
        return Read<VirtualMachine>(created);
    }

    public async Task<VirtualMachineInstance> CreateVmiAsync(string name, IDictionary<string, string>? nodeSelector = null)
    {
        var vmi = new VirtualMachineInstance
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
            Spec = new VirtualMachineInstanceSpec { NodeSelector = nodeSelector },
        };
        using var body = JsonDocument.Parse(ApiJson.Serialize(vmi));
        var created = await client.CustomObjects.CreateNamespacedCustomObjectAsync(
            body.RootElement, KubeVirtGroup.Name, KubeVirtGroup.Version, Namespace, VirtualMachineInstance.KubePluralName, cancellationToken: Token);
        return Read<VirtualMachineInstance>(created);
    }

    public async Task<VirtualMachine?> GetVmAsync(string name) =>
        await GetAsync<VirtualMachine>(VirtualMachine.KubePluralName, name);

    public async Task<VirtualMachineInstance?> GetVmiAsync(string name) =>
        await GetAsync<VirtualMachineInstance>(VirtualMachineInstance.KubePluralName, name);

    public async Task<IReadOnlyList<VirtualMachineInstance>> ListVmisAsync()
    {
        var body = await client.CustomObjects.ListNamespacedCustomObjectAsync(
            KubeVirtGroup.Name, KubeVirtGroup.Version, Namespace, VirtualMachineInstance.KubePluralName, cancellationToken: Token);
        return Read<VirtualMachineInstanceList>(body).Items.ToList();
    }

    /// <summary>A Node as the handler keeps it: handler label and a heartbeat <paramref name="heartbeatAge"/> old (none when null).</summary>
    public async Task CreateNodeAsync(string name, TimeSpan? heartbeatAge, IDictionary<string, string>? labels = null, bool handler = true)
    {
        var allLabels = new Dictionary<string, string>(labels ?? new Dictionary<string, string>());
        if (handler)
        {
            allLabels[Labels.HandlerNode] = Labels.HandlerNodeTrue;
        }

        var annotations = new Dictionary<string, string>();
        if (heartbeatAge is { } age)
        {
            annotations[Annotations.HandlerHeartbeat] = Beat(DateTimeOffset.UtcNow - age);
        }

        await client.CoreV1.CreateNodeAsync(new V1Node { Metadata = new V1ObjectMeta { Name = name, Labels = allLabels, Annotations = annotations } }, cancellationToken: Token);
    }

    public Task HeartbeatAsync(string node) => PatchNodeAsync(node, new { metadata = new { annotations = new Dictionary<string, string> { [Annotations.HandlerHeartbeat] = Beat(DateTimeOffset.UtcNow) } } });

    public Task LabelNodeAsync(string node, string key, string value) => PatchNodeAsync(node, new { metadata = new { labels = new Dictionary<string, string> { [key] = value } } });

    /// <summary>Writes the VMI's status as the handler does (read, change, replace through /status, retried on conflict).</summary>
    public async Task<VirtualMachineInstance> UpdateVmiStatusAsync(string name, Action<VirtualMachineInstanceStatus> change)
    {
        while (true)
        {
            var vmi = await GetVmiAsync(name) ?? throw new InvalidOperationException($"VMI {name} does not exist.");
            vmi.Status ??= new VirtualMachineInstanceStatus();
            change(vmi.Status);
            using var body = JsonDocument.Parse(ApiJson.Serialize(vmi));
            try
            {
                var replaced = await client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(
                    body.RootElement, KubeVirtGroup.Name, KubeVirtGroup.Version, Namespace, VirtualMachineInstance.KubePluralName, name, cancellationToken: Token);
                return Read<VirtualMachineInstance>(replaced);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
            {
                // Someone else wrote first; read again.
            }
        }
    }

    public Task<VirtualMachineInstance> SetVmiRunningAsync(string name, bool ready = true) => UpdateVmiStatusAsync(name, status =>
    {
        status.Phase = VirtualMachineInstancePhase.Running;
        status.Conditions = [new VirtualMachineInstanceCondition { Type = ConditionTypes.Ready, Status = ready ? ConditionStatus.True : ConditionStatus.False }];
    });

    public Task<VirtualMachineInstance> SetVmiPhaseAsync(string name, VirtualMachineInstancePhase phase) => UpdateVmiStatusAsync(name, status =>
    {
        status.Phase = phase;
        status.Conditions = [new VirtualMachineInstanceCondition { Type = ConditionTypes.Ready, Status = ConditionStatus.False, Reason = ConditionReasons.GuestNotRunning }];
    });

    public async Task DeleteVmAsync(string name) =>
        await client.CustomObjects.DeleteNamespacedCustomObjectAsync(KubeVirtGroup.Name, KubeVirtGroup.Version, Namespace, VirtualMachine.KubePluralName, name, cancellationToken: Token);

    public async Task DeleteVmiAsync(string name) =>
        await client.CustomObjects.DeleteNamespacedCustomObjectAsync(KubeVirtGroup.Name, KubeVirtGroup.Version, Namespace, VirtualMachineInstance.KubePluralName, name, cancellationToken: Token);

    public void Dispose() => client.Dispose();

    private static string Beat(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private async Task PatchNodeAsync(string node, object patch) =>
        await client.CoreV1.PatchNodeAsync(new V1Patch(KubernetesJson.Serialize(patch), V1Patch.PatchType.MergePatch), node, cancellationToken: Token);

    private async Task<T?> GetAsync<T>(string plural, string name)
        where T : class
    {
        try
        {
            var body = await client.CustomObjects.GetNamespacedCustomObjectAsync(KubeVirtGroup.Name, KubeVirtGroup.Version, Namespace, plural, name, cancellationToken: Token);
            return Read<T>(body);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static T Read<T>(object body) =>
        ApiJson.Deserialize<T>(body is JsonElement element ? element.GetRawText() : KubernetesJson.Serialize(body))!;
}
