namespace VmLifecycle.LocalCluster.Storage;

/// <summary>A watch asked for changes the store no longer remembers (kube-apiserver answers 410 Expired).</summary>
internal sealed class ResourceVersionTooOldException : Exception
{
    public ResourceVersionTooOldException()
    {
    }

    public ResourceVersionTooOldException(string message)
        : base(message)
    {
    }

    public ResourceVersionTooOldException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ResourceVersionTooOldException(long requested, long oldestAvailable)
        : base($"too old resource version: {requested} ({oldestAvailable})")
    {
    }
}
