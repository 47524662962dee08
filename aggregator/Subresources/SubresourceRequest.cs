using VmLifecycle.Aggregator.Authentication;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>An authorized PUT on a subresource: where, by whom, with which body.</summary>
internal sealed record SubresourceRequest(string Namespace, string Name, ReadOnlyMemory<byte> Body, AuthenticatedUser User);
