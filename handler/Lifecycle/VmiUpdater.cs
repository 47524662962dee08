using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Handler.Kubernetes;

namespace VmLifecycle.Handler.Lifecycle;

/// <summary>
/// Read-modify-write of a VMI with retries on conflict: each attempt reads the current object, lets the caller change
/// it, and writes only when the caller reports a change. Status goes through the status subresource, finalizers
/// through the main resource. A caller that has just read the VMI passes it, and the first attempt uses it instead of
/// reading again; the resourceVersion it carries makes a stale copy a conflict, after which the VMI is read again.
/// </summary>
internal sealed class VmiUpdater(IVirtualMachineInstanceStore store)
{
    private const int Attempts = 8;

    public IVirtualMachineInstanceStore Store => store;

    /// <summary>Changes the status; returns the VMI as written (or as read when nothing changed), null when it is gone.</summary>
    public Task<VirtualMachineInstance?> UpdateStatusAsync(string @namespace, string name, Func<VirtualMachineInstance, bool> change, CancellationToken cancellationToken) =>
        UpdateAsync(@namespace, name, null, change, store.UpdateStatusAsync, cancellationToken);

    /// <summary>Changes the status of <paramref name="current"/>, a VMI just read; reads again only after a conflict.</summary>
    public Task<VirtualMachineInstance?> UpdateStatusAsync(VirtualMachineInstance current, Func<VirtualMachineInstance, bool> change, CancellationToken cancellationToken) =>
        UpdateAsync(current.Metadata.NamespaceProperty, current.Metadata.Name, current, change, store.UpdateStatusAsync, cancellationToken);

    /// <summary>Changes metadata (finalizers); returns the VMI as written, null when it is gone.</summary>
    public Task<VirtualMachineInstance?> UpdateMetadataAsync(string @namespace, string name, Func<VirtualMachineInstance, bool> change, CancellationToken cancellationToken) =>
        UpdateAsync(@namespace, name, null, change, store.UpdateAsync, cancellationToken);

    /// <summary>Changes the metadata of <paramref name="current"/>, a VMI just read; reads again only after a conflict.</summary>
    public Task<VirtualMachineInstance?> UpdateMetadataAsync(VirtualMachineInstance current, Func<VirtualMachineInstance, bool> change, CancellationToken cancellationToken) =>
        UpdateAsync(current.Metadata.NamespaceProperty, current.Metadata.Name, current, change, store.UpdateAsync, cancellationToken);

    private async Task<VirtualMachineInstance?> UpdateAsync(
        string @namespace,
        string name,
        VirtualMachineInstance? current,
        Func<VirtualMachineInstance, bool> change,
        Func<VirtualMachineInstance, CancellationToken, Task<VirtualMachineInstance>> write,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var vmi = attempt == 1 && current is not null ? current : await store.GetAsync(@namespace, name, cancellationToken);
            if (vmi is null)
            {
                return null;
            }

            if (!change(vmi))
            {
                return vmi;
            }

            try
            {
                return await write(vmi, cancellationToken);
            }
            catch (VmiConflictException) when (attempt < Attempts)
            {
                // Someone else wrote in between (or the copy passed in was stale): read again and reapply the change.
            }
        }
    }
}
