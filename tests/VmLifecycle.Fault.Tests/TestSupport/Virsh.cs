using VmLifecycle.TestSupport.Processes;

namespace VmLifecycle.Fault.Tests.TestSupport;

/// <summary>virsh on the stack's private libvirtd (its socket URI from the env file).</summary>
internal sealed class Virsh(string uri)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly Dictionary<string, string> NoEnvironment = new(StringComparer.Ordinal);

    public string Uri => uri;

    public Task<CommandResult> RunAsync(params string[] arguments) =>
        ExternalCommand.RunAsync("virsh", ["-c", uri, .. arguments], NoEnvironment, Timeout, null, TestContext.Current.CancellationToken);

    /// <summary>Every domain (defined or running) whose name starts with <paramref name="namePrefix"/>.</summary>
    public async Task<IReadOnlyList<LibvirtDomain>> DomainsAsync(string namePrefix)
    {
        var all = await ListAsync("--all");
        var active = (await ListAsync()).Select(domain => domain.Uuid).ToHashSet(StringComparer.Ordinal);
        return all.Where(domain => domain.Name.StartsWith(namePrefix, StringComparison.Ordinal))
            .Select(domain => domain with { Active = active.Contains(domain.Uuid) })
            .ToList();
    }

    private async Task<IReadOnlyList<LibvirtDomain>> ListAsync(params string[] filters)
    {
        var result = await RunAsync(["list", "--uuid", "--name", .. filters]);
        Assert.True(result.ExitCode == 0, $"virsh list failed: {result}");
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', 2, StringSplitOptions.TrimEntries))
            .Select(fields => new LibvirtDomain(fields[0], fields[1], Active: true))
            .ToList();
    }
}
