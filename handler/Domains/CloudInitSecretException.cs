namespace VmLifecycle.Handler.Domains;

/// <summary>
/// A Secret that a cloudInitNoCloud volume refers to is missing, or lacks the key the data is read from. The VMI does
/// not start; the reconciler reports the message and tries again, so the VMI starts once the Secret is there.
/// </summary>
internal sealed class CloudInitSecretException : Exception
{
    public CloudInitSecretException()
    {
    }

    public CloudInitSecretException(string message)
        : base(message)
    {
    }

    public CloudInitSecretException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static CloudInitSecretException NotFound(string volume, string field, string @namespace, string secret) =>
        new($"cloudInitNoCloud volume {volume}: {field} secret \"{secret}\" not found in namespace {@namespace}");

    public static CloudInitSecretException MissingKey(string volume, string field, string @namespace, string secret, IReadOnlyList<string> keys) =>
        new($"cloudInitNoCloud volume {volume}: {field} secret \"{secret}\" in namespace {@namespace} has no key {string.Join(" or ", keys)}");
}
