using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Autorest;

namespace VmLifecycle.LocalCluster.Tests.Infrastructure;

/// <summary>The test CRD's resource (Fixtures/widgets-crd.yaml) as seen through KubernetesClient.</summary>
internal static class Widgets
{
    public const string Group = "test.vmlifecycle.io";
    public const string Version = "v1";
    public const string Plural = "widgets";

    public static JsonObject New(string name, int size = 2, string? mode = null)
    {
        var spec = new JsonObject { ["size"] = size };
        if (mode is not null)
        {
            spec["mode"] = mode;
        }

        return new JsonObject
        {
            ["apiVersion"] = $"{Group}/{Version}",
            ["kind"] = "Widget",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = spec,
        };
    }

    public static string Yaml(string name, string @namespace, int size = 2, string mode = "Fast") => $"""
        apiVersion: {Group}/{Version}
        kind: Widget
        metadata:
          name: {name}
          namespace: {@namespace}
        spec:
          size: {size}
          mode: {mode}
        """;

    public static async Task<JsonObject> CreateAsync(Kubernetes client, string @namespace, JsonObject widget) =>
        Parse(await client.CustomObjects.CreateNamespacedCustomObjectAsync(widget, Group, Version, @namespace, Plural, cancellationToken: TestContext.Current.CancellationToken));

    public static async Task<JsonObject> GetAsync(Kubernetes client, string @namespace, string name) =>
        Parse(await client.CustomObjects.GetNamespacedCustomObjectAsync(Group, Version, @namespace, Plural, name, TestContext.Current.CancellationToken));

    public static JsonObject Parse(object response) => JsonNode.Parse(JsonSerializer.Serialize(response))!.AsObject();

    /// <summary>Runs a call expected to fail and returns the HTTP status code with the metav1.Status body.</summary>
    public static async Task<(int Code, JsonObject Status)> FailureOf(Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<HttpOperationException>(call);
        var status = JsonNode.Parse(exception.Response.Content)!.AsObject();
        return ((int)exception.Response.StatusCode, status);
    }
}
