using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VmLifecycle.Handler.Configuration;
using VmLifecycle.Handler.Domains;
using VmLifecycle.Handler.Libvirt;
using VmLifecycle.Handler.Lifecycle;

namespace VmLifecycle.Handler.Tests.Infrastructure;

/// <summary>
/// The handler's lifecycle machinery as the host wires it, on the real libvirt and an in-memory VMI store: one
/// instance is one handler process (its own libvirt connection), so a test can stop it and start another to play a
/// handler restart.
/// </summary>
internal sealed class HandlerStack : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public HandlerStack(
        LibvirtFixture libvirt, InMemoryVmiStore store, string? node = null, TimeSpan? acpiRetry = null, InMemorySecretStore? secrets = null, TimeSpan? resync = null)
    {
        Store = store;
        Secrets = secrets ?? new InMemorySecretStore();
        Options = Microsoft.Extensions.Options.Options.Create(new HandlerOptions
        {
            NodeName = node ?? UniqueNode(libvirt),
            StateDirectory = libvirt.StateDirectory,
            ForceTcg = true,
            ResyncInterval = resync ?? TimeSpan.FromSeconds(10),
            AcpiRetryInterval = acpiRetry ?? TimeSpan.FromSeconds(2),
        });
        Connection = libvirt.CreateConnection();
        var images = new ImageStore(Microsoft.Extensions.Options.Options.Create(new ImageStoreOptions { Root = TestGuest.ImageStoreRoot }));
        Domains = new NodeDomains(new LibvirtDomains(Connection), new DomainPlanner(images), new CloudInitSecretReader(Secrets), Options, TestLogging.Factory.CreateLogger<NodeDomains>());
        Locks = new InstanceLocks();
        Expectations = new DomainEventExpectations(TimeProvider.System);
        var reconciler = new DomainReconciler(Domains, new VmiUpdater(store), new GracefulShutdown(TimeProvider.System, Options), TimeProvider.System, TestLogging.Factory.CreateLogger<DomainReconciler>());
        Controller = new LifecycleController(store, Domains, reconciler, Locks, Expectations, Options, TimeProvider.System, TestLogging.Factory.CreateLogger<LifecycleController>());
    }

    public InMemoryVmiStore Store { get; }

    /// <summary>The Secrets of cloudInitNoCloud secret refs.</summary>
    public InMemorySecretStore Secrets { get; }

    public string Node => Options.Value.NodeName;

    /// <summary>
    /// A node name of its own for each handler a test starts: handlers of one node remove each other's domains as
    /// orphans (the VMIs are in different stores), exactly as they should.
    /// </summary>
    public static string UniqueNode(LibvirtFixture libvirt) => $"{libvirt.Node}-{Guid.NewGuid().ToString("N")[..6]}";

    public IOptions<HandlerOptions> Options { get; }

    public LibvirtConnection Connection { get; }

    public NodeDomains Domains { get; }

    public InstanceLocks Locks { get; }

    public DomainEventExpectations Expectations { get; }

    public LifecycleController Controller { get; }

    public async Task StartAsync()
    {
        await Controller.StartAsync(_stopping.Token);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Controller.WaitForSyncAsync(timeout.Token);
    }

    public string SerialLog(Api.VirtualMachineInstances.VirtualMachineInstance vmi) =>
        Domains.SerialLogPath(new DomainIdentity(vmi.Metadata.NamespaceProperty, vmi.Metadata.Name, vmi.Metadata.Uid, Options.Value.NodeName));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Controller.StopAsync(CancellationToken.None);
        Controller.Dispose();
        _stopping.Dispose();
    }
}
