using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using VmLifecycle.Handler.Endpoints;

namespace VmLifecycle.Handler.Tests.Endpoints;

/// <summary>
/// Every error answer of the handler is a metav1.Status, also for what never reaches the pause logic: an unknown path,
/// a wrong method, a missing client certificate, an exception. Served over plain HTTP on a free port, with the client
/// certificate set by the test (the TLS handshake itself is covered by <see cref="PauseEndpointTests"/>).
/// </summary>
public sealed class StatusAnswerTests : IAsyncLifetime
{
    private const string CertificateHeader = "X-Test-Client-Certificate";
    private readonly WebApplication _app;
    private HttpClient _client = null!;
    private readonly X509Certificate2 _certificate;

    public StatusAnswerTests()
    {
        using var key = ECDsa.Create();
        _certificate = new CertificateRequest("CN=aggregator", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.UseMiddleware<StatusExceptionMiddleware>();
        _app.Use((context, next) =>
        {
            if (context.Request.Headers.ContainsKey(CertificateHeader))
            {
                context.Connection.ClientCertificate = _certificate;
            }

            return next(context);
        });
        _app.MapGet("/throws", string () => throw new InvalidOperationException("boom"));
        PauseEndpoints.Map(_app);
    }

    public async ValueTask InitializeAsync()
    {
        await _app.StartAsync(TestContext.Current.CancellationToken);
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("PUT", "/v1/namespaces/ns/virtualmachineinstances/vm/freeze")]
    [InlineData("PUT", "/v1/namespaces/ns/virtualmachines/vm/pause")]
    [InlineData("POST", "/favicon.ico")]
    [InlineData("DELETE", "/v1/namespaces/ns/virtualmachineinstances/vm/pause/extra")]
    public async Task A_path_the_handler_does_not_serve_is_a_404_Status(string method, string path)
    {
        using var response = await SendAsync(method, path, withCertificate: true);

        await AssertStatusAsync(response, HttpStatusCode.NotFound, "NotFound", "the server could not find the requested resource");
    }

    [Theory]
    [InlineData("GET", "pause")]
    [InlineData("POST", "unpause")]
    [InlineData("DELETE", "pause")]
    [InlineData("PATCH", "unpause")]
    public async Task Another_method_than_PUT_on_pause_or_unpause_is_a_405_Status_with_Allow(string method, string action)
    {
        using var response = await SendAsync(method, $"/v1/namespaces/ns/virtualmachineinstances/vm/{action}", withCertificate: true);

        await AssertStatusAsync(response, HttpStatusCode.MethodNotAllowed, "MethodNotAllowed", "the server does not allow this method on the requested resource");
        Assert.Equal(["PUT"], response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("GET")]
    public async Task Pause_without_a_client_certificate_is_a_401_Status_whatever_the_method(string method)
    {
        using var response = await SendAsync(method, "/v1/namespaces/ns/virtualmachineinstances/vm/pause", withCertificate: false);

        await AssertStatusAsync(response, HttpStatusCode.Unauthorized, "Unauthorized", "a client certificate signed by the handler's client CA is required");
    }

    [Fact]
    public async Task An_unhandled_exception_is_a_500_Status()
    {
        using var response = await SendAsync("GET", "/throws", withCertificate: false);

        await AssertStatusAsync(response, HttpStatusCode.InternalServerError, "InternalError", "Internal error occurred: boom");
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        _certificate.Dispose();
    }

    private Task<HttpResponseMessage> SendAsync(string method, string path, bool withCertificate)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (withCertificate)
        {
            request.Headers.Add(CertificateHeader, "1");
        }

        return _client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task AssertStatusAsync(HttpResponseMessage response, HttpStatusCode code, string reason, string message)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(code == response.StatusCode, $"expected {code}, got {response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var status = JsonDocument.Parse(body);
        var root = status.RootElement;
        Assert.Equal(("Status", "v1", "Failure"), (root.GetProperty("kind").GetString(), root.GetProperty("apiVersion").GetString(), root.GetProperty("status").GetString()));
        Assert.Equal((reason, message, (int)code), (root.GetProperty("reason").GetString(), root.GetProperty("message").GetString(), root.GetProperty("code").GetInt32()));
        Assert.Equal(JsonValueKind.Object, root.GetProperty("metadata").ValueKind);
    }
}
