using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VmLifecycle.Handler.Domains;
using VmLifecycle.Handler.Libvirt;
using VmLifecycle.Handler.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(LibvirtFixture))]

namespace VmLifecycle.Handler.Tests.Infrastructure;

/// <summary>
/// The machine's real libvirt (qemu:///system) for the whole test run. Every domain a test creates belongs to this
/// run's node name and a namespace unique to the run; leftovers of earlier runs (node names starting with
/// <see cref="NodePrefix"/>) are removed at the start, and this run's domains and files at the end.
/// </summary>
public sealed class LibvirtFixture : IAsyncLifetime
{
    public const string NodePrefix = "handler-test-";

    private readonly List<LibvirtConnection> _connections = [];

    public LibvirtFixture()
    {
        RunId = Guid.NewGuid().ToString("N")[..6];
        Namespace = $"hts{RunId}";
        Node = NodePrefix + RunId;
        StateDirectory = Path.Combine(RepositoryRoot.Path, ".local", "handler-tests", RunId);
        Connection = CreateConnection();
        Domains = new LibvirtDomains(Connection);
    }

    public string RunId { get; }

    /// <summary>The namespace of every VMI of this run.</summary>
    public string Namespace { get; }

    /// <summary>The node name the handlers of this run serve.</summary>
    public string Node { get; }

    public string StateDirectory { get; }

    /// <summary>A connection for direct domain operations; its events are not read.</summary>
    internal LibvirtConnection Connection { get; }

    internal LibvirtDomains Domains { get; }

    internal LibvirtConnection CreateConnection()
    {
        var connection = new LibvirtConnection(Options.Create(new LibvirtConnectionOptions()), TestLogging.Factory.CreateLogger<LibvirtConnection>(), TimeProvider.System);
        lock (_connections)
        {
            _connections.Add(connection);
        }

        return connection;
    }

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await Connection.ConnectAsync(timeout.Token);
        RemoveDomains(identity => identity.Node.StartsWith(NodePrefix, StringComparison.Ordinal));
    }

    public ValueTask DisposeAsync()
    {
        RemoveDomains(identity => identity.Node.StartsWith(NodePrefix + RunId, StringComparison.Ordinal));
        lock (_connections)
        {
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }
        }

        if (Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private void RemoveDomains(Func<DomainIdentity, bool> select)
    {
        foreach (var domain in Domains.List(DomainIdentity.NamespaceUri))
        {
            if (DomainIdentity.Parse(domain.Metadata) is { } identity && select(identity))
            {
                Domains.Remove(domain.Name);
            }
        }
    }
}
