namespace VmLifecycle.Aggregator.Authentication;

/// <summary>The user kube-apiserver authenticated and forwarded in the request headers.</summary>
internal sealed record AuthenticatedUser(
    string Name,
    string? Uid,
    IReadOnlyList<string> Groups,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Extra)
{
    public const string AuthenticatedGroup = "system:authenticated";
    public const string MastersGroup = "system:masters";
}
