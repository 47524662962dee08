namespace VmLifecycle.LocalCluster.Serving;

/// <summary>
/// The <c>--aggregated-backend namespace/name=https://host:port</c> switch: repeatable on the command line, so each
/// occurrence becomes its own configuration item <c>LocalCluster:AggregatedBackends:N</c>.
/// </summary>
internal static class AggregatedBackendAddresses
{
    public const string Switch = "--aggregated-backend";

    /// <summary>Command line items are numbered after any the configuration files give (up to this many).</summary>
    private const int ListBase = 1000;

    /// <summary>Rewrites every occurrence of the switch (<c>--aggregated-backend X</c> or <c>--aggregated-backend=X</c>) into an indexed key.</summary>
    public static string[] ExpandSwitches(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var expanded = new List<string>();
        var index = 0;
        for (var i = 0; i < args.Length; i++)
        {
            string? value = null;
            if (args[i] == Switch && i + 1 < args.Length)
            {
                value = args[++i];
            }
            else if (args[i].StartsWith(Switch + "=", StringComparison.Ordinal))
            {
                value = args[i][(Switch.Length + 1)..];
            }

            expanded.Add(value is null
                ? args[i]
                : $"--{LocalClusterOptions.Section}:{nameof(LocalClusterOptions.AggregatedBackends)}:{ListBase + index++}={value}");
        }

        return [.. expanded];
    }

    /// <summary>"ns/name=https://127.0.0.1:8443" entries as service key → base address; a malformed entry stops the start.</summary>
    public static Dictionary<string, string> Parse(IEnumerable<string> entries)
    {
        var addresses = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var separator = entry.IndexOf('=', StringComparison.Ordinal);
            var service = separator > 0 ? entry[..separator] : "";
            var address = separator > 0 ? entry[(separator + 1)..] : "";
            if (service.Split('/') is not [{ Length: > 0 }, { Length: > 0 }]
                || !Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                throw new InvalidOperationException($"{Switch} expects namespace/name=https://host:port, got \"{entry}\"");
            }

            addresses[service] = address;
        }

        return addresses;
    }
}
