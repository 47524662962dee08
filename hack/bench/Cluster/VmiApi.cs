using System.Net;
using System.Text;

namespace VmLifecycle.Bench.Cluster;

/// <summary>The REST calls of the bench on VirtualMachineInstances and their pause/unpause subresources.</summary>
internal sealed class VmiApi(HttpClient client, string @namespace)
{
    private const string DryRunBody = """{"dryRun":["All"]}""";

    public string CollectionPath => $"/apis/kubevirt.io/v1/namespaces/{@namespace}/virtualmachineinstances";

    public async Task CreateAsync(string name, CancellationToken cancellationToken)
    {
        using var content = new StringContent(VmiManifest.For(@namespace, name).ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri(CollectionPath, UriKind.Relative), content, cancellationToken);
        await EnsureAsync(response, $"creating VMI {name}", cancellationToken);
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        using var response = await client.DeleteAsync(new Uri($"{CollectionPath}/{name}", UriKind.Relative), cancellationToken);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            await EnsureAsync(response, $"deleting VMI {name}", cancellationToken);
        }
    }

    /// <summary>PUT .../NAME/pause or unpause; dryRun goes in the options body, where the aggregator reads it.</summary>
    public async Task<HttpStatusCode> ActAsync(string name, string action, bool dryRun, CancellationToken cancellationToken)
    {
        var path = $"/apis/subresources.kubevirt.io/v1/namespaces/{@namespace}/virtualmachineinstances/{name}/{action}";
        using var content = new StringContent(dryRun ? DryRunBody : "{}", Encoding.UTF8, "application/json");
        using var response = await client.PutAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
        if (!dryRun)
        {
            await EnsureAsync(response, $"{action} of VMI {name}", cancellationToken);
        }
        else
        {
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }

        return response.StatusCode;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
