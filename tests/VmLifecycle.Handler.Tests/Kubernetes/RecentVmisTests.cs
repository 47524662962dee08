using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Handler.Kubernetes;
using VmLifecycle.Handler.Tests.Infrastructure;

namespace VmLifecycle.Handler.Tests.Kubernetes;

/// <summary>The handler's recent copies: only VMIs it wrote, kept current by the watch, never older, never shared.</summary>
public sealed class RecentVmisTests
{
    [Fact]
    public void A_written_vmi_is_kept_and_handed_out_as_a_copy()
    {
        var recent = new RecentVmis();
        recent.Written(Vmi("a", "5"));

        var first = recent.Get("ns", "a")!;
        first.Metadata.Labels = new Dictionary<string, string> { ["changed"] = "by the caller" };

        Assert.Equal("5", recent.Get("ns", "a")!.Metadata.ResourceVersion);
        Assert.Null(recent.Get("ns", "a")!.Metadata.Labels);
        Assert.Null(recent.Get("ns", "other"));
    }

    [Fact]
    public void The_watch_updates_kept_vmis_only_and_never_with_an_older_copy()
    {
        var recent = new RecentVmis();
        recent.Observed(Vmi("unwritten", "3"));
        Assert.Null(recent.Get("ns", "unwritten"));

        recent.Written(Vmi("a", "5"));
        recent.Observed(Vmi("a", "4")); // an event from before the write, delivered after it
        Assert.Equal("5", recent.Get("ns", "a")!.Metadata.ResourceVersion);

        recent.Observed(Vmi("a", "7"));
        Assert.Equal("7", recent.Get("ns", "a")!.Metadata.ResourceVersion);

        recent.Written(Vmi("a", "6")); // a write answer older than what the watch already brought
        Assert.Equal("7", recent.Get("ns", "a")!.Metadata.ResourceVersion);
    }

    [Fact]
    public void A_deleted_vmi_goes_and_a_relist_replaces_or_drops_the_kept_ones()
    {
        var recent = new RecentVmis();
        recent.Written(Vmi("a", "5"));
        recent.Written(Vmi("b", "6"));
        recent.Written(Vmi("c", "7"));

        recent.Removed("ns", "a");
        recent.Relisted([Vmi("b", "9"), Vmi("unwritten", "10")]);

        Assert.Null(recent.Get("ns", "a"));
        Assert.Equal("9", recent.Get("ns", "b")!.Metadata.ResourceVersion);
        Assert.Null(recent.Get("ns", "c"));
        Assert.Null(recent.Get("ns", "unwritten"));
    }

    [Fact]
    public void A_resource_version_that_is_not_a_number_counts_as_newer()
    {
        var recent = new RecentVmis();
        recent.Written(Vmi("a", "5"));
        recent.Observed(Vmi("a", "opaque"));

        Assert.Equal("opaque", recent.Get("ns", "a")!.Metadata.ResourceVersion);
    }

    private static VirtualMachineInstance Vmi(string name, string resourceVersion)
    {
        var vmi = TestGuest.Vmi("ns", name, "node");
        vmi.Metadata.ResourceVersion = resourceVersion;
        return vmi;
    }
}
