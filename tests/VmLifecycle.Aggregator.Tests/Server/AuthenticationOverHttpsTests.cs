using System.Net;
using VmLifecycle.Aggregator.Tests.TestSupport;
using VmLifecycle.Api.VirtualMachines;
using static VmLifecycle.Aggregator.Tests.Server.ServerTestExtensions;

namespace VmLifecycle.Aggregator.Tests.Server;

/// <summary>Front-proxy authentication through real TLS: only kube-apiserver's proxy certificate makes X-Remote-* count.</summary>
public sealed class AuthenticationOverHttpsTests
{
    [Fact]
    public async Task Proxy_certificate_with_a_user_is_served()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        host.Store.Add(Objects.Vm(RunStrategy.Halted));
        using var client = host.Proxy("jane", "editors");

        using var response = await client.PutAsync(Base + "/virtualmachines/my-vm/start");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var review = Assert.Single(host.Reviews.Reviews);
        Assert.Equal("jane", review.User.Name);
        Assert.Equal(["editors", "system:authenticated"], review.User.Groups);
    }

    [Fact]
    public async Task No_certificate_with_spoofed_headers_is_401_and_nothing_happens()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        host.Store.Add(Objects.Vm(RunStrategy.Halted));
        using var client = host.Client();
        client.DefaultRequestHeaders.Add("X-Remote-User", "system:admin");
        client.DefaultRequestHeaders.Add("X-Remote-Group", "system:masters");

        using var response = await client.PutAsync(Base + "/virtualmachines/my-vm/start");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var status = await response.ReadStatusAsync();
        Assert.Equal("Unauthorized", status.Reason);
        Assert.Equal("Unauthorized", status.Message);
        Assert.Empty(host.Reviews.Reviews);
        Assert.Empty(host.Store.Writes);
    }

    [Fact]
    public async Task Certificate_from_another_ca_is_401()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        using var impostor = host.Pki.OtherCa.IssueClient(AggregatorTestHost.FrontProxyName);
        using var client = host.Client(impostor);
        client.DefaultRequestHeaders.Add("X-Remote-User", "jane");

        using var response = await client.GetAsync("/apis/subresources.kubevirt.io/v1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Certificate_with_a_common_name_outside_the_allowed_names_is_401()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        using var other = host.Pki.FrontProxyCa.IssueClient("not-the-proxy");
        using var client = host.Client(other);
        client.DefaultRequestHeaders.Add("X-Remote-User", "jane");

        using var response = await client.GetAsync("/apis/subresources.kubevirt.io/v1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Certificate_without_clientAuth_usage_is_401()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        using var serverOnly = host.Pki.FrontProxyCa.IssueServerOnly(AggregatorTestHost.FrontProxyName);
        using var client = host.Client(serverOnly);
        client.DefaultRequestHeaders.Add("X-Remote-User", "jane");

        using var response = await client.GetAsync("/apis/subresources.kubevirt.io/v1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Proxy_certificate_from_an_intermediate_ca_is_trusted_with_the_chain_it_sends()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        using var intermediate = host.Pki.FrontProxyCa.CreateIntermediate("front-proxy-intermediate");
        using var proxy = intermediate.IssueClient(AggregatorTestHost.FrontProxyName);
        using var withoutChain = host.Client(proxy);
        withoutChain.DefaultRequestHeaders.Add("X-Remote-User", "jane");
        using var untrusted = await withoutChain.GetAsync("/apis/subresources.kubevirt.io/v1", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, untrusted.StatusCode);

        using var withChain = host.Client(proxy, intermediates: [intermediate.Certificate]);
        withChain.DefaultRequestHeaders.Add("X-Remote-User", "jane");
        using var trusted = await withChain.GetAsync("/apis/subresources.kubevirt.io/v1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, trusted.StatusCode);
    }

    [Fact]
    public async Task Probes_need_no_certificate()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        using var client = host.Client();

        foreach (var path in new[] { "/healthz", "/livez", "/readyz", "/apis/subresources.kubevirt.io/v1/healthz", "/metrics" })
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Serving_certificate_is_reloaded_when_its_files_change()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        X509Thumbprints seen = new();
        using (var before = host.Client(seenServerCertificate: certificate => seen.Add(certificate.Thumbprint)))
        {
            (await before.GetAsync("/livez", TestContext.Current.CancellationToken)).Dispose();
        }

        using var rotated = host.Pki.ServingCa.IssueServer("rotated", "127.0.0.1");
        var pem = new PemFiles();
        var (certificate, key) = pem.Write("rotated", rotated);
        File.Copy(key, host.ServingKeyFile, overwrite: true);
        File.Copy(certificate, host.ServingCertificateFile, overwrite: true);
        pem.Dispose();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!seen.Contains(rotated.Thumbprint) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            using var after = host.Client(seenServerCertificate: certificate => seen.Add(certificate.Thumbprint));
            (await after.GetAsync("/livez", TestContext.Current.CancellationToken)).Dispose();
        }

        Assert.Contains(rotated.Thumbprint, seen.All);
    }

    private sealed class X509Thumbprints
    {
        private readonly System.Collections.Concurrent.ConcurrentBag<string> _seen = [];

        public IEnumerable<string> All => _seen;

        public void Add(string thumbprint) => _seen.Add(thumbprint);

        public bool Contains(string thumbprint) => _seen.Contains(thumbprint);
    }
}
