namespace VmLifecycle.Handler.Domains;

/// <summary>An image reference, or a file inside it, is not in the node's image store.</summary>
internal sealed class ImageNotFoundException : Exception
{
    public ImageNotFoundException(string reference, string path)
        : base($"image {reference} is not in the node's image store ({path} does not exist)")
    {
    }

    public ImageNotFoundException()
    {
    }

    public ImageNotFoundException(string message)
        : base(message)
    {
    }

    public ImageNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
