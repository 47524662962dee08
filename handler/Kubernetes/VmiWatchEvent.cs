using k8s;
using VmLifecycle.Api.VirtualMachineInstances;

namespace VmLifecycle.Handler.Kubernetes;

/// <summary>An event of <see cref="IVirtualMachineInstanceStore.WatchAsync"/>.</summary>
internal abstract record VmiWatchEvent;

/// <summary>Every VMI as of a (re)list.</summary>
internal sealed record VmiSnapshot(IReadOnlyList<VirtualMachineInstance> Items) : VmiWatchEvent;

/// <summary>One VMI added, modified or deleted.</summary>
internal sealed record VmiChange(WatchEventType Type, VirtualMachineInstance Vmi) : VmiWatchEvent;
