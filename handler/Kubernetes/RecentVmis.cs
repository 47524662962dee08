using System.Collections.Concurrent;
using System.Globalization;
using VmLifecycle.Api.Serialization;
using VmLifecycle.Api.VirtualMachineInstances;

namespace VmLifecycle.Handler.Kubernetes;

/// <summary>
/// The newest copy of each VMI this handler wrote, kept current by the VMI watch, so that the pause endpoint can act on it
/// without a read. Only VMIs the handler wrote are kept (those of its node: it writes every one it runs), so memory
/// follows the node, not the cluster. A copy may lag a write by someone else whose event has not arrived yet: users
/// check what it allows against the API server's answer (a conflicting write) and confirm a refusal with a fresh read.
/// </summary>
internal sealed class RecentVmis
{
    private readonly ConcurrentDictionary<string, VirtualMachineInstance> _items = new(StringComparer.Ordinal);

    /// <summary>A copy of the VMI as last written or watched, or null when it is not kept.</summary>
    public VirtualMachineInstance? Get(string @namespace, string name) =>
        _items.TryGetValue(Key(@namespace, name), out var vmi) ? Copy(vmi) : null;

    /// <summary>The VMI as the API server answered a write of this handler.</summary>
    public void Written(VirtualMachineInstance vmi) =>
        _items.AddOrUpdate(Key(vmi), Copy(vmi), (_, kept) => IsOlder(vmi, kept) ? kept : Copy(vmi));

    /// <summary>A watch event's VMI (added or modified): replaces a kept copy it is newer than.</summary>
    public void Observed(VirtualMachineInstance vmi)
    {
        var key = Key(vmi);
        while (_items.TryGetValue(key, out var kept) && !IsOlder(vmi, kept))
        {
            if (_items.TryUpdate(key, Copy(vmi), kept))
            {
                return;
            }
        }
    }

    /// <summary>The VMI was deleted.</summary>
    public void Removed(string @namespace, string name) => _items.TryRemove(Key(@namespace, name), out _);

    /// <summary>After a (re)list: kept VMIs take the listed copy when it is newer, and go when they are no longer listed.</summary>
    public void Relisted(IEnumerable<VirtualMachineInstance> items)
    {
        var listed = items.ToDictionary(Key, StringComparer.Ordinal);
        foreach (var key in _items.Keys)
        {
            if (listed.TryGetValue(key, out var vmi))
            {
                Observed(vmi);
            }
            else
            {
                _items.TryRemove(key, out _);
            }
        }
    }

    private static string Key(VirtualMachineInstance vmi) => Key(vmi.Metadata.NamespaceProperty, vmi.Metadata.Name);

    private static string Key(string @namespace, string name) => $"{@namespace}/{name}";

    // Callers change the VMIs they get (and the watch hands its objects on): nothing kept is shared.
    private static VirtualMachineInstance Copy(VirtualMachineInstance vmi) =>
        ApiJson.Deserialize<VirtualMachineInstance>(ApiJson.SerializeToUtf8Bytes(vmi))!;

    // resourceVersions are opaque to clients, but the API server's are increasing integers (etcd revisions); a version
    // that is not one counts as newer, as a watch delivers changes in order.
    private static bool IsOlder(VirtualMachineInstance candidate, VirtualMachineInstance kept) =>
        long.TryParse(candidate.Metadata.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var a)
        && long.TryParse(kept.Metadata.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var b)
        && a < b;
}
