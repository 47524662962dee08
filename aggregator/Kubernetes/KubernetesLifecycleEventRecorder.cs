using k8s;
using k8s.Autorest;
using k8s.Models;
using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Api;

namespace VmLifecycle.Aggregator.Kubernetes;

/// <summary>Creates core/v1 Events (shown by kubectl describe); a failure is logged and swallowed.</summary>
internal sealed partial class KubernetesLifecycleEventRecorder(IKubernetes kubernetes, TimeProvider time, ILogger<KubernetesLifecycleEventRecorder> logger)
    : ILifecycleEventRecorder
{
    public const string Component = "vm-lifecycle-aggregator";

    public async Task RecordAsync(LifecycleEvent lifecycleEvent, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var body = new Corev1Event
        {
            Metadata = new V1ObjectMeta { GenerateName = lifecycleEvent.InvolvedName + ".", NamespaceProperty = lifecycleEvent.Namespace },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = KubeVirtGroup.ApiVersion,
                Kind = lifecycleEvent.InvolvedKind,
                Name = lifecycleEvent.InvolvedName,
                NamespaceProperty = lifecycleEvent.Namespace,
                Uid = lifecycleEvent.InvolvedUid,
            },
            Reason = lifecycleEvent.Reason,
            Message = lifecycleEvent.Message,
            Type = lifecycleEvent.Type,
            Source = new V1EventSource { Component = Component },
            ReportingComponent = Component,
            ReportingInstance = Environment.MachineName,
            FirstTimestamp = now,
            LastTimestamp = now,
            Count = 1,
        };
        try
        {
            await kubernetes.CoreV1.CreateNamespacedEventAsync(body, lifecycleEvent.Namespace, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException)
        {
            LogEventFailed(logger, e, lifecycleEvent.Reason, lifecycleEvent.Namespace, lifecycleEvent.InvolvedName);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record event {Reason} on {Namespace}/{Name}")]
    private static partial void LogEventFailed(ILogger logger, Exception exception, string reason, string @namespace, string name);
}
