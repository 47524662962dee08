namespace VmLifecycle.Aggregator.Subresources;

/// <summary>One lifecycle subresource (start, stop, restart, rename, pause, unpause).</summary>
internal interface ISubresource
{
    SubresourceDescriptor Descriptor { get; }

    Task<SubresourceResult> ExecuteAsync(SubresourceRequest request, CancellationToken cancellationToken);
}
