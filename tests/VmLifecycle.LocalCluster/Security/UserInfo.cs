namespace VmLifecycle.LocalCluster.Security;

/// <summary>The authenticated (or impersonated) identity of a request, as kube-apiserver's user.Info.</summary>
internal sealed record UserInfo(
    string Name,
    IReadOnlyList<string> Groups,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Extra)
{
    public const string MastersGroup = "system:masters";
    public const string AuthenticatedGroup = "system:authenticated";
    public const string AnonymousUser = "system:anonymous";
    public const string UnauthenticatedGroup = "system:unauthenticated";

    /// <summary>The user's uid (token file column, Impersonate-Uid); empty when unknown. Forwarded as X-Remote-Uid.</summary>
    public string Uid { get; init; } = "";

    public static UserInfo Create(string name, params string[] groups) =>
        new(name, groups, new Dictionary<string, IReadOnlyList<string>>());
}
