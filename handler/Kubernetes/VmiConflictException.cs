namespace VmLifecycle.Handler.Kubernetes;

/// <summary>The VMI changed (or disappeared) since it was read: read it again and redo the change.</summary>
internal sealed class VmiConflictException : Exception
{
    public VmiConflictException()
    {
    }

    public VmiConflictException(string message)
        : base(message)
    {
    }

    public VmiConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
