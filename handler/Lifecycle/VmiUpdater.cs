using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Handler.Kubernetes;

namespace VmLifecycle.Handler.Lifecycle;

/// <summary>
/// Read-modify-write of a VMI with retries on conflict: each attempt reads the current object, lets the caller change
/// it, and writes only when the caller reports a change. Status goes through the status subresource, finalizers
/// through the main resource.
/// </summary>
internal sealed class VmiUpdater(IVirtualMachineInstanceStore store)
{
    private const int Attempts = 8;

    public IVirtualMachineInstanceStore Store => store;

    /// <summary>Changes the status; returns the VMI as written (or as read when nothing changed), null when it is gone.</summary>
    public Task<VirtualMachineInstance?> UpdateStatusAsync(string @namespace, string name, Func<VirtualMachineInstance, bool> change, CancellationToken cancellationToken) =>
        UpdateAsync(@namespace, name, change, store.UpdateStatusAsync, cancellationToken);

    /// <summary>Changes metadata (finalizers); returns the VMI as written, null when it is gone.</summary>
    public Task<VirtualMachineInstance?> UpdateMetadataAsync(string @namespace, string name, Func<VirtualMachineInstance, bool> change, CancellationToken cancellationToken) =>
        UpdateAsync(@namespace, name, change, store.UpdateAsync, cancellationToken);

    private async Task<VirtualMachineInstance?> UpdateAsync(
        string @namespace,
        string name,
        Func<VirtualMachineInstance, bool> change,
        Func<VirtualMachineInstance, CancellationToken, Task<VirtualMachineInstance>> write,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var vmi = await store.GetAsync(@namespace, name, cancellationToken);
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
                // Someone else wrote in between: read again and reapply the change.
            }
        }
    }
}
