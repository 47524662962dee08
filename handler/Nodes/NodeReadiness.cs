namespace VmLifecycle.Handler.Nodes;

/// <summary>
/// What the Node's <c>Ready</c> condition says about this handler: ready to run VirtualMachineInstances, or not and why.
/// The reasons play the part of the kubelet's KubeletReady/KubeletNotReady; they name the handler so that a reader of
/// <c>kubectl describe node</c> knows who wrote the condition.
/// </summary>
internal sealed record NodeReadiness(bool Ready, string Reason, string Message)
{
    /// <summary>The handler runs and reaches libvirt.</summary>
    public const string ReadyReason = "VmLifecycleHandlerReady";

    /// <summary>The handler runs but cannot run VirtualMachineInstances (libvirt is not connected).</summary>
    public const string NotReadyReason = "VmLifecycleHandlerNotReady";

    /// <summary>The handler was shut down cleanly.</summary>
    public const string StoppedReason = "VmLifecycleHandlerStopped";

    /// <summary>The reasons this handler writes; a Ready condition with another reason belongs to someone else (a kubelet).</summary>
    public static IReadOnlySet<string> OwnReasons { get; } = new HashSet<string>(StringComparer.Ordinal) { ReadyReason, NotReadyReason, StoppedReason };

    public static NodeReadiness Posting { get; } = new(true, ReadyReason, "vm-lifecycle-handler is posting ready status");

    public static NodeReadiness Stopped { get; } = new(false, StoppedReason, "vm-lifecycle-handler stopped posting node status (it was shut down)");

    public static NodeReadiness LibvirtNotConnected(string uri) =>
        new(false, NotReadyReason, $"vm-lifecycle-handler is not ready: libvirt {uri} is not connected");
}
