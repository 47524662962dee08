using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using VmLifecycle.LocalCluster.Resources;
using VmLifecycle.LocalCluster.Tests.Infrastructure;

namespace VmLifecycle.LocalCluster.Tests.Resources;

/// <summary>
/// A generated name that is already taken is generated again, as kube-apiserver does since 1.32 (RetryGenerateName):
/// up to eight names, then 409 AlreadyExists. The names are scripted to collide.
/// </summary>
public sealed class GenerateNameRetryTests
{
    [Fact]
    public async Task A_taken_generated_name_is_generated_again_and_only_eight_taken_names_are_a_409()
    {
        var names = new ScriptedNames();
        await using var cluster = await RunningCluster.StartAsync(
            configure: builder => builder.Services.AddSingleton<GeneratedNames>(names), cancellationToken: TestContext.Current.CancellationToken);
        using var client = cluster.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "event-taken" } }, "default", cancellationToken: ct);

        names.Script("event-taken", "event-taken", "event-free1");
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(Generated(), "default", cancellationToken: ct);
        Assert.Equal("event-free1", created.Metadata.Name);

        names.Script(Enumerable.Repeat("event-taken", ResourceWriter.MaxGenerateNameAttempts).Append("event-free2").ToArray());
        var refused = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedConfigMapAsync(Generated(), "default", cancellationToken: ct));
        Assert.Equal(System.Net.HttpStatusCode.Conflict, refused.Response.StatusCode);
        using var status = System.Text.Json.JsonDocument.Parse(refused.Response.Content);
        Assert.Equal("configmaps \"event-taken\" already exists", status.RootElement.GetProperty("message").GetString());
        Assert.Equal("AlreadyExists", status.RootElement.GetProperty("reason").GetString());
        Assert.Equal(["event-free2"], names.Remaining);
    }

    private static V1ConfigMap Generated() => new() { Metadata = new V1ObjectMeta { GenerateName = "event-" } };

    private sealed class ScriptedNames : GeneratedNames
    {
        private readonly Queue<string> _names = new();

        public IReadOnlyList<string> Remaining
        {
            get
            {
                lock (_names)
                {
                    return [.. _names];
                }
            }
        }

        public void Script(params string[] names)
        {
            lock (_names)
            {
                _names.Clear();
                foreach (var name in names)
                {
                    _names.Enqueue(name);
                }
            }
        }

        public override string Next(string prefix)
        {
            lock (_names)
            {
                return _names.Count > 0 ? _names.Dequeue() : base.Next(prefix);
            }
        }
    }
}
