using k8s.Authentication;

namespace VmLifecycle.KubectlPlugin.Http;

/// <summary>
/// Adds what KubernetesClient adds only inside its own typed calls (credentials) and what it does not do at all
/// (impersonation headers), so that the plugin's requests authenticate as kubectl's would.
/// </summary>
internal sealed class RequestDecoratingHandler(ServiceClientCredentials? credentials, string? impersonateUser, IReadOnlyList<string> impersonateGroups)
    : DelegatingHandler
{
    public const string ImpersonateUserHeader = "Impersonate-User";
    public const string ImpersonateGroupHeader = "Impersonate-Group";
    private static readonly string UserAgent = "kubectl-virt/" + PluginVersion.Version;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (credentials is not null)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (impersonateUser is not null)
        {
            request.Headers.TryAddWithoutValidation(ImpersonateUserHeader, impersonateUser);
            foreach (var group in impersonateGroups)
            {
                request.Headers.TryAddWithoutValidation(ImpersonateGroupHeader, group);
            }
        }

        request.Headers.UserAgent.TryParseAdd(UserAgent);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
