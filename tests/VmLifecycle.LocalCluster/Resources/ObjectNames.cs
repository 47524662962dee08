using System.Security.Cryptography;
using System.Text.RegularExpressions;
using VmLifecycle.LocalCluster.Errors;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>Object name rules: RFC 1123 subdomains (path segments for RBAC objects) and generateName suffixes.</summary>
internal static partial class ObjectNames
{
    private const string SuffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Generate(string prefix)
    {
        var trimmed = prefix.Length > 58 ? prefix[..58] : prefix;
        var suffix = new char[5];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = SuffixAlphabet[RandomNumberGenerator.GetInt32(SuffixAlphabet.Length)];
        }

        return trimmed + new string(suffix);
    }

    /// <summary>The name rule of the resource: RBAC objects take any path segment (system:... names), the rest RFC 1123 subdomains.</summary>
    public static FieldError? Validate(ResourceDefinition definition, string name) =>
        definition.Group == "rbac.authorization.k8s.io" ? ValidatePathSegment(name) : ValidateSubdomain(name);

    /// <summary>apimachinery's path.IsValidPathSegmentName, which kube-apiserver's RBAC validation uses.</summary>
    public static FieldError? ValidatePathSegment(string name)
    {
        var problem = name switch
        {
            "." or ".." => $"may not be '{name}'",
            _ when name.Contains('/', StringComparison.Ordinal) => "may not contain '/'",
            _ when name.Contains('%', StringComparison.Ordinal) => "may not contain '%'",
            _ => null,
        };
        return problem is null ? null : new FieldError("metadata.name", "FieldValueInvalid", $"Invalid value: \"{name}\": {problem}");
    }

    public static FieldError? ValidateSubdomain(string name)
    {
        if (name.Length <= 253 && Subdomain().IsMatch(name))
        {
            return null;
        }

        return new FieldError("metadata.name", "FieldValueInvalid",
            $"Invalid value: \"{name}\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();
}
