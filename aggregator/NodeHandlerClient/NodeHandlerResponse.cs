namespace VmLifecycle.Aggregator.NodeHandlerClient;

/// <summary>What a node handler answered: status code, reason phrase and body.</summary>
internal sealed record NodeHandlerResponse(int StatusCode, string ReasonPhrase, string Body)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
