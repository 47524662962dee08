using VmLifecycle.Api.VirtualMachineInstances;

namespace VmLifecycle.Handler.Kubernetes;

/// <summary>
/// The handler's view of VirtualMachineInstances in the API server, kept thin so that the lifecycle logic above it can
/// run against an in-memory fake in unit tests. Updates are optimistic: they carry metadata.resourceVersion and throw
/// <see cref="VmiConflictException"/> when the object changed meanwhile.
/// </summary>
internal interface IVirtualMachineInstanceStore
{
    /// <summary>
    /// Lists every VMI, then follows changes. Yields a <see cref="VmiSnapshot"/> after every (re)list, so that a consumer
    /// can notice deletions missed while the watch was down, then <see cref="VmiChange"/>s. Runs until cancelled.
    /// </summary>
    IAsyncEnumerable<VmiWatchEvent> WatchAsync(CancellationToken cancellationToken);

    /// <summary>The current VMI, or null when it does not exist.</summary>
    Task<VirtualMachineInstance?> GetAsync(string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>
    /// A copy of the VMI as this store last wrote or watched it, without a request, or null when it keeps none. It may
    /// lag a change by someone else: a write based on it can conflict, and a refusal based on it is confirmed with
    /// <see cref="GetAsync"/>.
    /// </summary>
    VirtualMachineInstance? GetRecent(string @namespace, string name) => null;

    /// <summary>Replaces metadata and spec (finalizers); the status is ignored by the server.</summary>
    Task<VirtualMachineInstance> UpdateAsync(VirtualMachineInstance vmi, CancellationToken cancellationToken);

    /// <summary>Replaces the status through the status subresource.</summary>
    Task<VirtualMachineInstance> UpdateStatusAsync(VirtualMachineInstance vmi, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <paramref name="resourceVersion"/> is the VMI as this store last wrote it (a watch event of one's own
    /// write, which carries nothing the writer does not know). False when unknown.
    /// </summary>
    bool IsOwnWrite(string @namespace, string name, string resourceVersion) => false;

    /// <summary>Whether the API server answers (for /readyz).</summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken);
}
