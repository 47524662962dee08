using Microsoft.Extensions.Options;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Handler.Configuration;
using VmLifecycle.Handler.Libvirt;

namespace VmLifecycle.Handler.Domains;

/// <summary>
/// The domains of this node's VMIs: finds them by VMI key, starts a VMI as a domain (plan, files, define, start) and
/// removes a domain with its files. Several handlers may share one libvirtd (two nodes on one machine), so a domain
/// whose metadata names another node is reported but never removed here.
/// </summary>
internal sealed partial class NodeDomains
{
    private readonly LibvirtDomains _libvirt;
    private readonly DomainPlanner _planner;
    private readonly CloudInitSecretReader _cloudInitSecrets;
    private readonly HandlerOptions _options;
    private readonly ILogger<NodeDomains> _logger;

    public NodeDomains(LibvirtDomains libvirt, DomainPlanner planner, CloudInitSecretReader cloudInitSecrets, IOptions<HandlerOptions> options, ILogger<NodeDomains> logger)
    {
        _libvirt = libvirt;
        _planner = planner;
        _cloudInitSecrets = cloudInitSecrets;
        _options = options.Value;
        _logger = logger;
        Accelerator = AcceleratorDetector.Detect(_options.ForceTcg);
    }

    public string Node => _options.NodeName;

    public Accelerator Accelerator { get; }

    public LibvirtDomains Libvirt => _libvirt;

    public NodeDomain? Find(string @namespace, string name)
    {
        var domainName = DomainName.For(@namespace, name);
        return _libvirt.GetStatusAndMetadata(domainName, DomainIdentity.NamespaceUri) is { } found
            ? new NodeDomain(domainName, DomainIdentity.Parse(found.Metadata), found.Status)
            : null;
    }

    /// <summary>Every domain that carries our metadata and names this node.</summary>
    public IReadOnlyList<NodeDomain> ListOwned() =>
        [.. _libvirt.List(DomainIdentity.NamespaceUri)
            .Select(d => new NodeDomain(d.Name, DomainIdentity.Parse(d.Metadata), d.Status))
            .Where(d => d.Identity?.Node == Node)];

    /// <summary>Reads the VMI's cloud-init Secrets, creates its files and starts its domain (paused for startStrategy Paused).</summary>
    /// <exception cref="CloudInitSecretException">A cloud-init Secret or its key is missing; nothing was created.</exception>
    public async Task<DomainPlan> StartAsync(VirtualMachineInstance vmi, CancellationToken cancellationToken)
    {
        var secrets = await _cloudInitSecrets.ReadAsync(vmi, cancellationToken);
        var plan = _planner.Plan(vmi, Node, _options.StateDirectory, Accelerator, secrets);
        await DiskMaterializer.CreateAsync(plan, cancellationToken);
        _libvirt.DefineAndStart(DomainXmlBuilder.Build(plan), plan.StartPaused);
        LogStarted(_logger, plan.Identity.DomainName, plan.Identity.Uid, plan.Accelerator, plan.StartPaused);
        return plan;
    }

    public void PressPowerButton(NodeDomain domain) => _libvirt.Shutdown(domain.DomainName);

    public void Destroy(NodeDomain domain) => _libvirt.Destroy(domain.DomainName);

    /// <summary>Destroys and undefines the domain and deletes its files; only for domains of this node.</summary>
    public void Remove(NodeDomain domain)
    {
        if (domain.Identity is not { } identity || identity.Node != Node)
        {
            throw new InvalidOperationException($"Domain {domain.DomainName} does not belong to node {Node}.");
        }

        _libvirt.Remove(domain.DomainName);
        InstanceStateDirectory.For(_options.StateDirectory, identity).Delete();
        LogRemoved(_logger, domain.DomainName, identity.Uid);
    }

    public string SerialLogPath(DomainIdentity identity) => InstanceStateDirectory.For(_options.StateDirectory, identity).SerialLog;

    [LoggerMessage(Level = LogLevel.Information, Message = "Started domain {Domain} for VMI uid {Uid} ({Accelerator}, paused: {Paused})")]
    private static partial void LogStarted(ILogger logger, string domain, string uid, Accelerator accelerator, bool paused);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed domain {Domain} of VMI uid {Uid}")]
    private static partial void LogRemoved(ILogger logger, string domain, string uid);
}
