using Microsoft.Extensions.Options;
using VmLifecycle.Handler.Domains;
using VmLifecycle.Handler.Libvirt;

namespace VmLifecycle.Handler.Tests.Infrastructure;

/// <summary>A test guest started directly through the handler's libvirt layer (no reconciler), removed on dispose.</summary>
internal sealed class GuestDomain : IDisposable
{
    private readonly LibvirtDomains _domains;

    private GuestDomain(LibvirtDomains domains, DomainPlan plan)
    {
        _domains = domains;
        Plan = plan;
    }

    public DomainPlan Plan { get; }

    public string Name => Plan.Identity.DomainName;

    public string SerialLog => Plan.State.SerialLog;

    public DomainStatus? Status => _domains.GetStatus(Name);

    public static async Task<GuestDomain> StartAsync(LibvirtFixture libvirt, string name, string? kernelArgs = null, bool paused = false)
    {
        var vmi = TestGuest.Vmi(libvirt.Namespace, "lv-" + name, libvirt.Node, kernelArgs);
        if (paused)
        {
            vmi.Spec.StartStrategy = Api.VirtualMachineInstances.StartStrategy.Paused;
        }

        var images = new ImageStore(Options.Create(new ImageStoreOptions { Root = TestGuest.ImageStoreRoot }));
        var plan = new DomainPlanner(images).Plan(vmi, libvirt.Node, libvirt.StateDirectory, Accelerator.Tcg);
        await DiskMaterializer.CreateAsync(plan, TestContext.Current.CancellationToken);
        libvirt.Domains.DefineAndStart(DomainXmlBuilder.Build(plan), plan.StartPaused);
        return new GuestDomain(libvirt.Domains, plan);
    }

    public Task WaitForBootAsync() => Infrastructure.SerialLog.WaitForAsync(SerialLog, TestGuest.Booted, TimeSpan.FromSeconds(40));

    public void Dispose()
    {
        _domains.Remove(Name);
        Plan.State.Delete();
    }
}
