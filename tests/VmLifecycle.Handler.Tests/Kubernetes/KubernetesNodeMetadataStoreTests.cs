using System.Text.Json;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using VmLifecycle.Handler.Nodes;
using VmLifecycle.TestSupport.Networking;

namespace VmLifecycle.Handler.Tests.Kubernetes;

/// <summary>The Node writes through the real KubernetesClient against a scripted API endpoint.</summary>
public sealed class KubernetesNodeMetadataStoreTests : IAsyncDisposable
{
    private readonly WebApplication _server;
    private readonly List<string> _calls = [];
    private bool _exists;

    public KubernetesNodeMetadataStoreTests()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreePorts.Take(1)[0]}");
        _server = builder.Build();
        _server.MapMethods("/api/v1/nodes/node-9", ["PATCH"], async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            Record($"PATCH {context.Request.ContentType} {await reader.ReadToEndAsync()}");
            return _exists ? Results.Text(Node(), "application/json") : Results.Text(NotFound(), "application/json", statusCode: 404);
        });
        _server.MapPost("/api/v1/nodes", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            Record($"POST {await reader.ReadToEndAsync()}");
            _exists = true;
            return Results.Text(Node(), "application/json", statusCode: 201);
        });
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_missing_node_is_created_with_the_labels_and_annotations_and_later_beats_merge_patch_it()
    {
        await _server.StartAsync(TestContext.Current.CancellationToken);
        using var client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = _server.Urls.First() });
        var store = new KubernetesNodeMetadataStore(client);
        var labels = new Dictionary<string, string> { ["l"] = "true" };
        var annotations = new Dictionary<string, string> { ["a"] = "https://node-9:8186" };

        await store.ApplyAsync("node-9", labels, annotations, TestContext.Current.CancellationToken);
        await store.ApplyAsync("node-9", labels, annotations, TestContext.Current.CancellationToken);

        Assert.Equal(3, _calls.Count);
        Assert.StartsWith("PATCH application/merge-patch+json", _calls[0], StringComparison.Ordinal);
        using var created = JsonDocument.Parse(_calls[1]["POST ".Length..]);
        Assert.Equal("node-9", created.RootElement.GetProperty("metadata").GetProperty("name").GetString());
        Assert.Equal("true", created.RootElement.GetProperty("metadata").GetProperty("labels").GetProperty("l").GetString());
        Assert.Equal("https://node-9:8186", created.RootElement.GetProperty("metadata").GetProperty("annotations").GetProperty("a").GetString());
        Assert.Equal("""PATCH application/merge-patch+json; charset=utf-8 {"metadata":{"labels":{"l":"true"},"annotations":{"a":"https://node-9:8186"}}}""", _calls[2]);
    }

    private void Record(string call)
    {
        lock (_calls)
        {
            _calls.Add(call);
        }
    }

    private static string Node() => """{"apiVersion":"v1","kind":"Node","metadata":{"name":"node-9"}}""";

    private static string NotFound() => """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","reason":"NotFound","code":404}""";
}
