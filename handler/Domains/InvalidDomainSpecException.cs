namespace VmLifecycle.Handler.Domains;

/// <summary>The VMI's spec cannot become a domain on this node (unknown volume, unsupported source, bad quantity...).</summary>
internal sealed class InvalidDomainSpecException : Exception
{
    public InvalidDomainSpecException()
    {
    }

    public InvalidDomainSpecException(string message)
        : base(message)
    {
    }

    public InvalidDomainSpecException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
