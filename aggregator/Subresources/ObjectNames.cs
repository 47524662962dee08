using System.Text.RegularExpressions;
using VmLifecycle.Aggregator.Responses;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>Kubernetes' name rules: object names are DNS-1123 subdomains, namespaces DNS-1123 labels.</summary>
internal static partial class ObjectNames
{
    private const int SubdomainMaxLength = 253;
    private const int LabelMaxLength = 63;

    public static bool IsDns1123Subdomain(string name) => name.Length is > 0 and <= SubdomainMaxLength && Subdomain().IsMatch(name);

    public static bool IsDns1123Label(string name) => name.Length is > 0 and <= LabelMaxLength && Label().IsMatch(name);

    /// <summary>Why <paramref name="name"/> is not a DNS-1123 subdomain, or null when it is one.</summary>
    public static string? Dns1123SubdomainError(string name) =>
        name.Length > SubdomainMaxLength ? AggregatorMessages.Dns1123SubdomainTooLong
        : Subdomain().IsMatch(name) ? null
        : AggregatorMessages.Dns1123SubdomainFormat;

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Label();
}
