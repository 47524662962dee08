using System.Xml.Linq;
using VmLifecycle.Bench.Measurements;

namespace VmLifecycle.Bench.Baselines;

/// <summary>
/// The virsh baseline: domains named bench-virsh-*, each a copy of the domain XML the handler generated for a bench VMI
/// (virsh dumpxml --inactive), renamed, without uuid and handler metadata, with its own copies of the VMI's writable
/// disks (the qcow2 overlay, the NoCloud seed) and its own serial log, so it boots exactly as the VMI's domain does.
/// </summary>
internal sealed class BaselineDomains(CommandRunner virsh, string workDirectory)
{
    public const string Prefix = "bench-virsh-";
    private const string Uri = "qemu:///system";
    private readonly HashSet<string> _started = new(StringComparer.Ordinal);
    private XDocument? _template;

    public string? TemplateXml => _template?.ToString();

    /// <summary>Takes the domain XML of a running VMI's domain as the template of every baseline domain.</summary>
    public async Task LoadTemplateAsync(string domainName)
    {
        var xml = await virsh.OutputAsync("virsh", "-c", Uri, "dumpxml", "--inactive", domainName);
        _template = XDocument.Parse(xml);
    }

    /// <summary>Writes the XML (and copies the disks) of a baseline domain; returns the XML file, ready for virsh create.</summary>
    public string Prepare(string suffix)
    {
        var template = _template ?? throw new InvalidOperationException("no template domain XML");
        var name = Prefix + suffix;
        var directory = Path.Combine(workDirectory, name);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        var domain = new XDocument(template).Root!;
        domain.Element("name")!.Value = name;
        domain.Element("uuid")?.Remove();
        domain.Element("metadata")?.Remove();
        var devices = domain.Element("devices")!;
        foreach (var disk in devices.Elements("disk"))
        {
            var source = disk.Element("source")?.Attribute("file");
            if (source is null || disk.Element("readonly") is not null)
            {
                continue;
            }

            var copy = Path.Combine(directory, Path.GetFileName(source.Value));
            File.Copy(source.Value, copy);
            source.Value = copy;
        }

        var serialLog = Path.Combine(directory, "serial.log");
        foreach (var log in devices.Elements().Where(e => e.Name == "serial" || e.Name == "console"))
        {
            if (log.Element("source")?.Attribute("path") is { } path)
            {
                path.Value = serialLog;
            }
        }

        var file = Path.Combine(directory, "domain.xml");
        domain.Document!.Save(file);
        return file;
    }

    /// <summary>virsh create: returns when the domain runs. The time is the whole command, as a user would see it.</summary>
    public async Task<double> CreateAsync(string suffix, string xmlFile)
    {
        lock (_started)
        {
            _started.Add(Prefix + suffix);
        }

        return await virsh.TimeAsync("virsh", "-c", Uri, "create", xmlFile);
    }

    public Task<double> SuspendAsync(string suffix) => virsh.TimeAsync("virsh", "-c", Uri, "suspend", Prefix + suffix);

    public Task<double> ResumeAsync(string suffix) => virsh.TimeAsync("virsh", "-c", Uri, "resume", Prefix + suffix);

    public async Task DestroyAsync(string suffix)
    {
        var name = Prefix + suffix;
        try
        {
            await virsh.TimeAsync("virsh", "-c", Uri, "destroy", name);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("not found", StringComparison.OrdinalIgnoreCase))
        {
        }

        lock (_started)
        {
            _started.Remove(name);
        }

        var directory = Path.Combine(workDirectory, name);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Destroys every baseline domain this run started and has not destroyed yet.</summary>
    public async Task DestroyAllAsync()
    {
        string[] left;
        lock (_started)
        {
            left = [.. _started];
        }

        foreach (var name in left)
        {
            try
            {
                await DestroyAsync(name[Prefix.Length..]);
            }
            catch (InvalidOperationException e)
            {
                await Console.Error.WriteLineAsync($"bench: destroying {name}: {e.Message}");
            }
        }
    }
}
