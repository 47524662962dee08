using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VmLifecycle.Aggregator.NodeHandlerClient;
using VmLifecycle.Aggregator.Tests.TestSupport;

namespace VmLifecycle.Aggregator.Tests.NodeHandlerClient;

public sealed class HttpsNodeHandlerClientTests
{
    [Fact]
    public async Task Calls_the_handler_with_mutual_tls()
    {
        using var pki = new TestPki();
        using var files = new PemFiles();
        using var serving = pki.HandlerCa.IssueServer("node-1", "127.0.0.1");
        await using var handler = await FakeNodeHandler.StartAsync(serving, pki.AggregatorClientCa.Certificate);
        using var clientCertificate = pki.AggregatorClientCa.IssueClient("aggregator");
        var (certificate, key) = files.Write("client", clientCertificate);
        using var client = Client(new NodeHandlerClientOptions
        {
            ClientCertificateFile = certificate,
            ClientKeyFile = key,
            CaFile = files.WriteBundle("ca", pki.HandlerCa.Certificate),
        });

        var response = await client.PutAsync(handler.Endpoint, "default", "my-vm", "pause", TestContext.Current.CancellationToken);

        Assert.Equal(202, response.StatusCode);
        Assert.Equal(new HandlerCall("default", "my-vm", "pause", "aggregator"), Assert.Single(handler.Calls));
    }

    [Fact]
    public async Task Handler_certificate_for_another_host_is_refused_unless_hostname_checks_are_off()
    {
        using var pki = new TestPki();
        using var files = new PemFiles();
        using var serving = pki.HandlerCa.IssueServer("node-1", "10.9.9.9");
        await using var handler = await FakeNodeHandler.StartAsync(serving, pki.AggregatorClientCa.Certificate);
        using var clientCertificate = pki.AggregatorClientCa.IssueClient("aggregator");
        var (certificate, key) = files.Write("client", clientCertificate);
        var options = new NodeHandlerClientOptions { ClientCertificateFile = certificate, ClientKeyFile = key, CaFile = files.WriteBundle("ca", pki.HandlerCa.Certificate) };

        using (var strict = Client(options))
        {
            await Assert.ThrowsAsync<NodeHandlerUnreachableException>(() => strict.PutAsync(handler.Endpoint, "default", "my-vm", "pause", TestContext.Current.CancellationToken));
        }

        options.VerifyHostname = false;
        using var lenient = Client(options);
        Assert.Equal(202, (await lenient.PutAsync(handler.Endpoint, "default", "my-vm", "pause", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Without_configuration_the_call_fails_clearly()
    {
        using var client = Client(new NodeHandlerClientOptions());

        var error = await Assert.ThrowsAsync<NodeHandlerUnreachableException>(() => client.PutAsync(new Uri("https://127.0.0.1:1"), "default", "my-vm", "pause", TestContext.Current.CancellationToken));

        Assert.Contains("NodeHandler:CaFile", error.Message, StringComparison.Ordinal);
    }

    private static HttpsNodeHandlerClient Client(NodeHandlerClientOptions options) =>
        new(Options.Create(options), TimeProvider.System, NullLogger<HttpsNodeHandlerClient>.Instance);
}
