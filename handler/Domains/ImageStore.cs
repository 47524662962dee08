using Microsoft.Extensions.Options;

namespace VmLifecycle.Handler.Domains;

/// <summary>
/// Resolves container image references to directories of the node-local image store, laid out as
/// hack/make-guest.sh writes it: <c>registry/path:tag</c> (tag default latest, digests as <c>@sha256:...</c> become a
/// directory of that name) lives in <c>{root}/registry/path/tag/</c> and holds the image's files. Pulling from a
/// registry is not done here; a missing image is an error the VMI's status reports.
/// </summary>
internal sealed class ImageStore(IOptions<ImageStoreOptions> options)
{
    public string Root { get; } = Path.GetFullPath(options.Value.Root);

    /// <summary>The directory of <paramref name="reference"/>; throws when the reference is malformed or the image is missing.</summary>
    public string Resolve(string reference)
    {
        var directory = Path.Combine(Root, RelativeDirectory(reference));
        return Directory.Exists(directory)
            ? directory
            : throw new ImageNotFoundException(reference, directory);
    }

    /// <summary>A file inside the image (a path such as /boot/vmlinuz); it must stay inside the image's directory.</summary>
    public string ResolveFile(string reference, string pathInImage)
    {
        var directory = Resolve(reference);
        var file = Path.GetFullPath(Path.Combine(directory, pathInImage.TrimStart('/')));
        if (!file.StartsWith(directory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The path {pathInImage} leaves the image {reference}.", nameof(pathInImage));
        }

        return File.Exists(file) ? file : throw new ImageNotFoundException(reference, file);
    }

    public static string RelativeDirectory(string reference)
    {
        if (string.IsNullOrWhiteSpace(reference) || reference.Contains("..", StringComparison.Ordinal) || reference.StartsWith('/'))
        {
            throw new ArgumentException($"Invalid image reference \"{reference}\".", nameof(reference));
        }

        string repository, tag;
        var digest = reference.IndexOf('@', StringComparison.Ordinal);
        if (digest >= 0)
        {
            repository = reference[..digest];
            tag = reference[(digest + 1)..];
        }
        else
        {
            // A ':' after the last '/' is the tag; one before it is a registry port.
            var colon = reference.LastIndexOf(':');
            var slash = reference.LastIndexOf('/');
            (repository, tag) = colon > slash ? (reference[..colon], reference[(colon + 1)..]) : (reference, "latest");
        }

        return Path.Combine([.. repository.Split('/', StringSplitOptions.RemoveEmptyEntries), tag]);
    }
}
