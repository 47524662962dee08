using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VmLifecycle.Aggregator.Authentication;
using VmLifecycle.Aggregator.Tests.TestSupport;

namespace VmLifecycle.Aggregator.Tests.Authentication;

/// <summary>The production ConfigMap reader and watcher against a scripted API server.</summary>
public sealed class ConfigMapRequestHeaderSettingsSourceTests
{
    private const string ConfigMapPath = "/api/v1/namespaces/kube-system/configmaps/extension-apiserver-authentication";

    [Fact]
    public async Task Settings_are_read_at_start_and_follow_the_watch()
    {
        using var first = TestCertificateAuthority.Create("front-proxy-ca-1");
        using var second = TestCertificateAuthority.Create("front-proxy-ca-2");
        await using var api = await FakeApiServer.StartAsync();
        api.Respond = async (request, context) =>
        {
            if (request.PathAndQuery == ConfigMapPath)
            {
                await FakeApiServer.Json(context, 200, ConfigMap("1", first.CertificatePem, """["front-proxy-client"]"""));
                return;
            }

            Assert.Contains("watch=true", request.PathAndQuery, StringComparison.Ordinal);
            Assert.Contains("resourceVersion=1", request.PathAndQuery, StringComparison.Ordinal);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"type\":\"MODIFIED\",\"object\":" + ConfigMap("2", second.CertificatePem, "[]") + "}\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        };
        using var source = new ConfigMapRequestHeaderSettingsSource(
            api.Client(), Options.Create(new FrontProxyOptions { WatchRetryDelay = TimeSpan.FromMilliseconds(50) }), TimeProvider.System,
            NullLogger<ConfigMapRequestHeaderSettingsSource>.Instance);

        await source.StartAsync(TestContext.Current.CancellationToken);
        var initial = source.Current!;
        Assert.Equal("1", initial.Version);
        Assert.Equal(first.Certificate.Thumbprint, Assert.Single(initial.ClientCertificateAuthorities).Thumbprint);
        Assert.Equal(["front-proxy-client"], initial.AllowedNames);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (source.Current!.Version != "2" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Equal("2", source.Current.Version);
        Assert.Equal(second.Certificate.Thumbprint, Assert.Single(source.Current.ClientCertificateAuthorities).Thumbprint);
        Assert.Empty(source.Current.AllowedNames);
        await source.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Start_fails_when_the_configmap_cannot_be_read()
    {
        await using var api = await FakeApiServer.StartAsync();
        api.Respond = (_, context) => FakeApiServer.Json(context, 403, """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Forbidden","code":403,"message":"forbidden"}""");
        using var source = new ConfigMapRequestHeaderSettingsSource(
            api.Client(),
            Options.Create(new FrontProxyOptions { InitialLoadTimeout = TimeSpan.FromMilliseconds(300), WatchRetryDelay = TimeSpan.FromMilliseconds(50) }),
            TimeProvider.System,
            NullLogger<ConfigMapRequestHeaderSettingsSource>.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => source.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("extension-apiserver-authentication", error.Message, StringComparison.Ordinal);
        Assert.Null(source.Current);
    }

    private static string ConfigMap(string resourceVersion, string caPem, string allowedNames) => JsonSerializer.Serialize(new
    {
        apiVersion = "v1",
        kind = "ConfigMap",
        metadata = new { name = "extension-apiserver-authentication", @namespace = "kube-system", resourceVersion },
        data = new Dictionary<string, string>
        {
            ["requestheader-client-ca-file"] = caPem,
            ["requestheader-allowed-names"] = allowedNames,
            ["requestheader-username-headers"] = """["X-Remote-User"]""",
            ["requestheader-group-headers"] = """["X-Remote-Group"]""",
            ["requestheader-extra-headers-prefix"] = """["X-Remote-Extra-"]""",
        },
    });
}
