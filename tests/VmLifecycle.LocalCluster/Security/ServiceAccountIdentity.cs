namespace VmLifecycle.LocalCluster.Security;

/// <summary>How a service account appears as a user: "system:serviceaccount:NS:NAME" with its two groups (k8s.io/apiserver serviceaccount).</summary>
internal static class ServiceAccountIdentity
{
    public const string UsernamePrefix = "system:serviceaccount:";
    public const string AllServiceAccountsGroup = "system:serviceaccounts";

    public static string Username(string @namespace, string name) => $"{UsernamePrefix}{@namespace}:{name}";

    public static IReadOnlyList<string> Groups(string @namespace) =>
        [AllServiceAccountsGroup, $"{AllServiceAccountsGroup}:{@namespace}"];

    /// <summary>Splits "system:serviceaccount:NS:NAME"; false for any other user name or an empty part.</summary>
    public static bool TrySplit(string username, out string @namespace, out string name)
    {
        @namespace = "";
        name = "";
        if (!username.StartsWith(UsernamePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = username[UsernamePrefix.Length..].Split(':');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return false;
        }

        @namespace = parts[0];
        name = parts[1];
        return true;
    }
}
