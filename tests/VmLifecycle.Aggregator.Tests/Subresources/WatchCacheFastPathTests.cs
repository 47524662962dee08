using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using VmLifecycle.Aggregator.Authentication;
using VmLifecycle.Aggregator.NodeHandlerClient;
using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Aggregator.Subresources;
using VmLifecycle.Aggregator.Tests.TestSupport;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.Serialization;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;
using static VmLifecycle.Aggregator.Tests.TestSupport.Objects;

namespace VmLifecycle.Aggregator.Tests.Subresources;

/// <summary>
/// Pause and unpause read the watch cache only to go ahead: a cached object that is missing or refused is read again
/// live, and only the live answer refuses.
/// </summary>
public sealed class WatchCacheFastPathTests
{
    private const string DryRunBody = """{"dryRun":["All"]}""";

    private static readonly AuthenticatedUser Jane = new("jane", null, ["editors", AuthenticatedUser.AuthenticatedGroup], new Dictionary<string, IReadOnlyList<string>>());

    private readonly InMemoryVirtualMachineStore _store = new();
    private readonly FakeWatchCache _cache = new();
    private readonly RecordingHandlerClient _handler = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_runnable_cached_vmi_is_paused_without_a_live_read()
    {
        _cache.Add(Vmi(VirtualMachineInstancePhase.Running)).Add(Node("node-1", "127.0.0.1:9001"));

        var result = await Pause().ExecuteAsync(Request(""), Token);

        Assert.Equal(200, result.Code);
        Assert.Equal(("https://127.0.0.1:9001/", "pause"), Assert.Single(_handler.Calls));
        Assert.Single(_cache.SupersededVmis);
    }

    [Fact]
    public async Task A_cached_vmi_that_looks_paused_is_read_live_and_paused_when_it_is_not()
    {
        _cache.Add(Vmi(VirtualMachineInstancePhase.Running).Paused());
        _store.Add(Vmi(VirtualMachineInstancePhase.Running)).Add(Node("node-1", "127.0.0.1:9001"));

        var result = await Pause().ExecuteAsync(Request(""), Token);

        Assert.Equal(200, result.Code);
        Assert.Single(_handler.Calls);
    }

    [Fact]
    public async Task A_refusal_is_the_live_vmis_refusal()
    {
        _cache.Add(Vmi(VirtualMachineInstancePhase.Scheduled));
        _store.Add(Vmi(VirtualMachineInstancePhase.Running).Paused());

        var result = await Pause().ExecuteAsync(Request(DryRunBody), Token);

        Assert.Equal(409, result.Code);
        Assert.Equal(KubeVirtMessages.Conflict(VirtualMachineInstance.KubeSingularName, VmName, KubeVirtMessages.VmiAlreadyPaused), result.Failure!.Message);
    }

    [Fact]
    public async Task A_vmi_missing_from_the_cache_is_read_live()
    {
        var missing = await Pause().ExecuteAsync(Request(DryRunBody), Token);
        _store.Add(Vmi(VirtualMachineInstancePhase.Running).Paused());
        var found = await Unpause().ExecuteAsync(Request(DryRunBody), Token);

        Assert.Equal(404, missing.Code);
        Assert.Equal(KubeVirtMessages.VirtualMachineInstanceNotFound(VmName), missing.Failure!.Message);
        Assert.Equal(200, found.Code);
    }

    [Fact]
    public async Task A_cached_snapshot_in_progress_is_confirmed_live_before_unpause_is_refused()
    {
        var snapshotting = Vm(RunStrategy.Always);
        snapshotting.Status = new VirtualMachineStatus { SnapshotInProgress = "snap-1" };
        _cache.Add(snapshotting).Add(Vmi(VirtualMachineInstancePhase.Running).Paused());
        _store.Add(Vm(RunStrategy.Always));

        var afterSnapshot = await Unpause().ExecuteAsync(Request(DryRunBody), Token);
        var live = Vm(RunStrategy.Always);
        live.Status = new VirtualMachineStatus { SnapshotInProgress = "snap-2" };
        _store.Add(live);
        var duringSnapshot = await Unpause().ExecuteAsync(Request(DryRunBody), Token);

        Assert.Equal(200, afterSnapshot.Code);
        Assert.Equal(409, duringSnapshot.Code);
        Assert.Equal(KubeVirtMessages.Conflict(VirtualMachine.KubeSingularName, VmName, KubeVirtMessages.VmSnapshotInProgress), duringSnapshot.Failure!.Message);
    }

    [Fact]
    public async Task An_unreachable_cached_endpoint_is_retried_at_the_live_nodes_endpoint()
    {
        _cache.Add(Vmi(VirtualMachineInstancePhase.Running)).Add(Node("node-1", "127.0.0.1:9001"));
        _store.Add(Node("node-1", "127.0.0.1:9002"));
        _handler.Unreachable.Add("https://127.0.0.1:9001/");

        var result = await Pause().ExecuteAsync(Request(""), Token);

        Assert.Equal(200, result.Code);
        Assert.Equal(["https://127.0.0.1:9001/", "https://127.0.0.1:9002/"], _handler.Calls.Select(call => call.Endpoint));
    }

    [Fact]
    public async Task A_handler_refusal_of_a_cached_vmi_is_answered_as_the_live_vmi_refuses()
    {
        _cache.Add(Vmi(VirtualMachineInstancePhase.Running)).Add(Node("node-1", "127.0.0.1:9001"));
        _store.Add(Vmi(VirtualMachineInstancePhase.Running).Paused());
        _handler.Answers["https://127.0.0.1:9001/"] = Answer(StatusFailure.Conflict(VirtualMachineInstance.KubeSingularName, VmName, KubeVirtMessages.VmiAlreadyPaused));

        var result = await Pause().ExecuteAsync(Request(""), Token);

        Assert.Equal(409, result.Code);
        Assert.Equal(KubeVirtMessages.Conflict(VirtualMachineInstance.KubeSingularName, VmName, KubeVirtMessages.VmiAlreadyPaused), result.Failure!.Message);
        Assert.Empty(_cache.SupersededVmis);
    }

    [Fact]
    public async Task A_cached_vmi_on_another_node_is_paused_on_the_live_vmis_node()
    {
        _cache.Add(Vmi(VirtualMachineInstancePhase.Running, node: "node-1")).Add(Node("node-1", "127.0.0.1:9001")).Add(Node("node-2", "127.0.0.1:9002"));
        _store.Add(Vmi(VirtualMachineInstancePhase.Running, node: "node-2"));
        _handler.Answers["https://127.0.0.1:9001/"] = Answer(StatusFailure.NotFound(VirtualMachineInstance.KubeSingularName, VmName));

        var result = await Pause().ExecuteAsync(Request(""), Token);

        Assert.Equal(200, result.Code);
        Assert.Equal(["https://127.0.0.1:9001/", "https://127.0.0.1:9002/"], _handler.Calls.Select(call => call.Endpoint));
    }

    [Fact]
    public async Task Queued_events_are_recorded_by_shutdown()
    {
        var recorder = new RecordingEventRecorder();
        using var queue = new LifecycleEventQueue(recorder, NullLogger<LifecycleEventQueue>.Instance);
        await queue.StartAsync(Token);

        queue.Enqueue(new LifecycleEvent(Namespace, VirtualMachineInstance.KubeKind, VmName, VmiUid, LifecycleEventMessages.PauseRequested, "m"));
        await queue.StopAsync(Token);

        Assert.Equal(LifecycleEventMessages.PauseRequested, Assert.Single(recorder.Events).Reason);
    }

    private static NodeHandlerResponse Answer(StatusFailure failure) =>
        new(failure.Code, failure.Reason, Encoding.UTF8.GetString(StatusJson.Serialize(failure.ToStatus())));

    private static SubresourceRequest Request(string body) => new(Namespace, VmName, Encoding.UTF8.GetBytes(body), Jane);

    private VirtualMachineInstanceActionRunner Runner() => new(
        _store, _cache, new NodeHandlerForwarder(_store, _cache, _handler),
        new LifecycleEventQueue(new RecordingEventRecorder(), NullLogger<LifecycleEventQueue>.Instance), NullLogger<VirtualMachineInstanceActionRunner>.Instance);

    private PauseSubresource Pause() => new(Runner());

    private UnpauseSubresource Unpause() => new(Runner(), _store, _cache);

    private sealed class RecordingHandlerClient : INodeHandlerClient
    {
        private readonly ConcurrentQueue<(string Endpoint, string Action)> _calls = new();

        public HashSet<string> Unreachable { get; } = [];

        public Dictionary<string, NodeHandlerResponse> Answers { get; } = [];

        public IReadOnlyList<(string Endpoint, string Action)> Calls => [.. _calls];

        public Task<NodeHandlerResponse> PutAsync(Uri endpoint, string @namespace, string name, string action, CancellationToken cancellationToken)
        {
            _calls.Enqueue((endpoint.ToString(), action));
            return Unreachable.Contains(endpoint.ToString())
                ? throw new NodeHandlerUnreachableException("connection refused", new HttpRequestException("connection refused"))
                : Task.FromResult(Answers.GetValueOrDefault(endpoint.ToString()) ?? new NodeHandlerResponse(200, "OK", ""));
        }
    }
}
