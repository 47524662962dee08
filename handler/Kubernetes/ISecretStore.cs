namespace VmLifecycle.Handler.Kubernetes;

/// <summary>Reads Secrets of a VMI's namespace (cloud-init secretRefs), kept thin so unit tests can use an in-memory fake.</summary>
internal interface ISecretStore
{
    /// <summary>The Secret's data (decoded values by key), or null when the Secret does not exist.</summary>
    Task<IReadOnlyDictionary<string, byte[]>?> GetDataAsync(string @namespace, string name, CancellationToken cancellationToken);
}
