using System.Diagnostics;
using VmLifecycle.Bench.Measurements;
using VmLifecycle.Handler.Libvirt;

namespace VmLifecycle.Bench.Baselines;

/// <summary>The floor of a pause: virDomainSuspend + virDomainResume on an open connection, through the handler's own binding.</summary>
internal sealed class InProcessLibvirt : IDisposable
{
    private readonly ConnectionHandle _connection;

    public InProcessLibvirt(string uri)
    {
        _ = LibvirtNative.virInitialize();
        _connection = LibvirtNative.virConnectOpen(uri);
        if (_connection.IsInvalid)
        {
            throw LibvirtException.FromLastError("virConnectOpen");
        }
    }

    /// <summary>Milliseconds of each suspend+resume pair.</summary>
    public List<double> SuspendResume(string domainName, int pairs)
    {
        using var domain = LibvirtNative.virDomainLookupByName(_connection, domainName);
        if (domain.IsInvalid)
        {
            throw LibvirtException.FromLastError("virDomainLookupByName");
        }

        var samples = new List<double>(pairs);
        for (var i = 0; i < pairs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            if (LibvirtNative.virDomainSuspend(domain) < 0)
            {
                throw LibvirtException.FromLastError("virDomainSuspend");
            }

            if (LibvirtNative.virDomainResume(domain) < 0)
            {
                throw LibvirtException.FromLastError("virDomainResume");
            }

            samples.Add(Stats.Milliseconds(start, Stopwatch.GetTimestamp()));
        }

        return samples;
    }

    public void Dispose() => _connection.Dispose();
}
