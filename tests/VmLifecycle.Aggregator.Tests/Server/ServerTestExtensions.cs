using System.Net.Http.Headers;
using System.Text;
using k8s;
using k8s.Models;

namespace VmLifecycle.Aggregator.Tests.Server;

internal static class ServerTestExtensions
{
    public const string Base = "/apis/subresources.kubevirt.io/v1/namespaces/default";

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, string path, string body = "", string contentType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return client.PutAsync(path, content, TestContext.Current.CancellationToken);
    }

    public static async Task<V1Status> ReadStatusAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var status = KubernetesJson.Deserialize<V1Status>(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Status", status.Kind);
        Assert.Equal("v1", status.ApiVersion);
        Assert.Equal("Failure", status.Status);
        Assert.Equal((int)response.StatusCode, status.Code);
        return status;
    }
}
