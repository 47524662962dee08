using VmLifecycle.Aggregator.Responses;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>The answer of a subresource: a success code with an empty body, or a Status failure.</summary>
internal sealed record SubresourceResult(int Code, StatusFailure? Failure)
{
    public static readonly SubresourceResult Accepted = new(202, null);
    public static readonly SubresourceResult Ok = new(200, null);

    public static SubresourceResult Failed(StatusFailure failure) => new(failure.Code, failure);
}
