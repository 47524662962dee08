namespace VmLifecycle.Handler.Domains;

/// <summary>Where the node's image store lives (hack/make-guest.sh fills it).</summary>
internal sealed class ImageStoreOptions
{
    /// <summary>The store's root; a reference registry/path:tag is the directory root/registry/path/tag.</summary>
    public string Root { get; set; } = "/var/lib/vm-lifecycle/images";
}
