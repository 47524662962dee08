using k8s;
using VmLifecycle.Api;
using VmLifecycle.Api.VirtualMachineInstances;

namespace VmLifecycle.Handler.Kubernetes;

/// <summary>
/// The one place that uses KubernetesClient's watch helper on HttpOperationResponse, which is [Obsolete] in version 21
/// but is the only watch of custom objects that can resume from a resourceVersion. Error events of the stream (such as
/// 410 Gone) reach <c>onError</c> as KubernetesException; the server closes the stream after them.
/// </summary>
internal static class VmiWatchStream
{
    public static IAsyncEnumerable<(WatchEventType Type, VirtualMachineInstance Vmi)> OpenAsync(
        IKubernetes client, string resourceVersion, Action<Exception> onError, CancellationToken cancellationToken)
    {
        var response = client.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync<object>(
            KubeVirtGroup.Name,
            KubeVirtGroup.Version,
            VirtualMachineInstance.KubePluralName,
            allowWatchBookmarks: true,
            resourceVersion: resourceVersion,
            timeoutSeconds: 300,
            watch: true,
            cancellationToken: cancellationToken);
#pragma warning disable CS0618 // see the summary
        return response.WatchAsync<VirtualMachineInstance, object>(onError, cancellationToken);
#pragma warning restore CS0618
    }
}
