using k8s;
using Microsoft.Extensions.Logging.Abstractions;
using VmLifecycle.Aggregator.Controllers;
using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Aggregator.Tests.TestSupport;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Tests.Kubernetes;

/// <summary>The recorder writes real core/v1 Events, with the Normal or Warning type of the lifecycle event.</summary>
public sealed class KubernetesLifecycleEventRecorderTests
{
    [Fact]
    public async Task Events_carry_their_type_to_the_core_v1_Event()
    {
        await using var cluster = await LocalClusterProcess.StartAsync();
        using var client = cluster.CreateClient();
        var recorder = new KubernetesLifecycleEventRecorder(client, TimeProvider.System, NullLogger<KubernetesLifecycleEventRecorder>.Instance);
        var cancellationToken = TestContext.Current.CancellationToken;

        await recorder.RecordAsync(
            new LifecycleEvent("default", VirtualMachine.KubeKind, "vm", "vm-uid", ControllerMessages.FailedCreate, "boom", ControllerMessages.EventType(ControllerMessages.FailedCreate)),
            cancellationToken);
        await recorder.RecordAsync(new LifecycleEvent("default", VirtualMachine.KubeKind, "vm", "vm-uid", ControllerMessages.SuccessfulCreate, "started"), cancellationToken);

        var events = (await client.CoreV1.ListNamespacedEventAsync("default", cancellationToken: cancellationToken)).Items;
        Assert.Equal(LifecycleEventTypes.Warning, Assert.Single(events, e => e.Reason == ControllerMessages.FailedCreate).Type);
        Assert.Equal(LifecycleEventTypes.Normal, Assert.Single(events, e => e.Reason == ControllerMessages.SuccessfulCreate).Type);
    }

    [Theory]
    [InlineData(ControllerMessages.FailedScheduling, LifecycleEventTypes.Warning)]
    [InlineData(ControllerMessages.FailedCreate, LifecycleEventTypes.Warning)]
    [InlineData(ControllerMessages.FailedDelete, LifecycleEventTypes.Warning)]
    [InlineData(ControllerMessages.NodeUnresponsive, LifecycleEventTypes.Warning)]
    [InlineData(ControllerMessages.Scheduling, LifecycleEventTypes.Normal)]
    [InlineData(ControllerMessages.Scheduled, LifecycleEventTypes.Normal)]
    [InlineData(ControllerMessages.SuccessfulCreate, LifecycleEventTypes.Normal)]
    [InlineData(ControllerMessages.SuccessfulDelete, LifecycleEventTypes.Normal)]
    public void Failures_are_Warnings_and_the_rest_Normal(string reason, string type)
    {
        Assert.Equal(type, ControllerMessages.EventType(reason));
    }
}
