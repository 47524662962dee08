using System.Net;
using k8s;
using k8s.Autorest;

namespace VmLifecycle.Handler.Kubernetes;

/// <summary><see cref="ISecretStore"/> through KubernetesClient: a GET of the Secret each time, so a Secret created later is seen at once.</summary>
internal sealed class KubernetesSecretStore(IKubernetes client) : ISecretStore
{
    public async Task<IReadOnlyDictionary<string, byte[]>?> GetDataAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            var secret = await client.CoreV1.ReadNamespacedSecretAsync(name, @namespace, cancellationToken: cancellationToken);
            return secret.Data is { } data ? data.ToDictionary(StringComparer.Ordinal) : new Dictionary<string, byte[]>(StringComparer.Ordinal);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
