namespace VmLifecycle.Aggregator.Subresources;

/// <summary>One subresource this server serves: where it hangs, and the kind of its request body (for discovery).</summary>
internal sealed record SubresourceDescriptor(string Resource, string Subresource, string Kind)
{
    public string ResourcePath => $"{Resource}/{Subresource}";
}
