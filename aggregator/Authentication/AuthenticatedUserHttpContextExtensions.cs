namespace VmLifecycle.Aggregator.Authentication;

/// <summary>Carries the <see cref="AuthenticatedUser"/> from the authentication middleware to the endpoints.</summary>
internal static class AuthenticatedUserHttpContextExtensions
{
    private static readonly object Key = new();

    public static void SetAuthenticatedUser(this HttpContext context, AuthenticatedUser user) => context.Items[Key] = user;

    /// <exception cref="InvalidOperationException">The request did not pass the authentication middleware.</exception>
    public static AuthenticatedUser GetAuthenticatedUser(this HttpContext context) =>
        context.Items.TryGetValue(Key, out var user) && user is AuthenticatedUser authenticated
            ? authenticated
            : throw new InvalidOperationException("The request was not authenticated.");
}
