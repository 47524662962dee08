using System.Globalization;

namespace VmLifecycle.Aggregator.Responses;

/// <summary>
/// Messages of this server that the KubeVirt reference does not define (those live in
/// <see cref="Api.Conventions.KubeVirtMessages"/>). Worded as kube-apiserver words the same situations.
/// </summary>
internal static class AggregatorMessages
{
    public const string Unauthorized = "Unauthorized";

    public const string PathNotFound = "the server could not find the requested resource";

    public const string MethodNotAllowed = "the server does not allow this method on the requested resource";

    public static string RequestEntityTooLarge(long limit) =>
        string.Create(CultureInfo.InvariantCulture, $"Request entity too large: limit is {limit}");

    /// <summary>400 for a dryRun list other than ["All"], as kube-apiserver words it.</summary>
    public static string UnsupportedDryRun(string value) => $"dryRun: Unsupported value: \"{value}\": supported values: \"All\"";

    /// <summary>400 for a rename target that is not a DNS-1123 subdomain, as Kubernetes' name validation words it.</summary>
    public static string InvalidNewName(string newName, string reason) => $"newName: Invalid value: \"{newName}\": {reason}";

    public const string Dns1123SubdomainFormat =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    public const string Dns1123SubdomainTooLong = "must be no more than 253 characters";

    public static string NodeHasNoHandlerEndpoint(string node, string annotation) =>
        $"node \"{node}\" publishes no handler endpoint (annotation {annotation})";

    public static string VmiHasNoNode(string name) => $"virtualmachineinstance \"{name}\" is not assigned to a node";

    public static string HandlerUnreachable(string error) => $"unable to reach the node handler: {error}";
}
