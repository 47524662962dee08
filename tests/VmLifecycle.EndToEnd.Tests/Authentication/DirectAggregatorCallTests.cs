using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using VmLifecycle.EndToEnd.Tests.TestSupport;

namespace VmLifecycle.EndToEnd.Tests.Authentication;

/// <summary>
/// Calls that bypass the local cluster and reach the aggregator's port directly: only the front proxy's certificate
/// (front-proxy CA, CN front-proxy-client, clientAuth) makes X-Remote-* headers count; everything else is 401.
/// </summary>
[Collection(LocalStackTests.Name)]
public sealed class DirectAggregatorCallTests(LocalStackFixture stack)
{
    private const string Spoofed = "system:admin";
    private const string LocalStackOnly = "the aggregator's own port and the cluster's CAs are reachable only on a local stack";

    [Fact]
    public async Task Without_A_Client_Certificate_Spoofed_Headers_Get_401()
    {
        stack.SkipOnExternalCluster(LocalStackOnly);
        using var client = CreateClient(null);

        using var response = await SendStartAsync(client, spoofHeaders: true);

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task A_Certificate_From_Another_Ca_Gets_401()
    {
        stack.SkipOnExternalCluster(LocalStackOnly);
        using var authority = TestCertificates.CreateUntrustedAuthority();
        using var certificate = TestCertificates.IssueClient(authority, "front-proxy-client");
        using var client = CreateClient(certificate);

        using var response = await SendStartAsync(client, spoofHeaders: true);

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task A_Front_Proxy_Ca_Certificate_With_A_Name_Outside_The_Allowed_Names_Gets_401()
    {
        stack.SkipOnExternalCluster(LocalStackOnly);
        using var authority = TestCertificates.LoadAuthority(Path.Combine(stack.ClusterPki, "front-proxy-ca.crt"), Path.Combine(stack.ClusterPki, "front-proxy-ca.key"));
        using var certificate = TestCertificates.IssueClient(authority, "not-the-front-proxy");
        using var client = CreateClient(certificate);

        using var response = await SendStartAsync(client, spoofHeaders: true);

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task A_Cluster_Client_Certificate_Does_Not_Make_Remote_User_Headers_Count()
    {
        stack.SkipOnExternalCluster(LocalStackOnly);
        using var authority = TestCertificates.LoadAuthority(Path.Combine(stack.ClusterPki, "ca.crt"), Path.Combine(stack.ClusterPki, "ca.key"));
        using var certificate = TestCertificates.IssueClient(authority, "front-proxy-client");
        using var client = CreateClient(certificate);

        using var response = await SendStartAsync(client, spoofHeaders: true);

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task The_Front_Proxy_Certificate_Is_Accepted()
    {
        stack.SkipOnExternalCluster(LocalStackOnly);
        using var certificate = X509Certificate2.CreateFromPemFile(
            Path.Combine(stack.ClusterPki, "front-proxy-client.crt"), Path.Combine(stack.ClusterPki, "front-proxy-client.key"));
        using var client = CreateClient(certificate);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{stack.AggregatorUrl}/apis/subresources.kubevirt.io/v1");
        request.Headers.Add("X-Remote-User", LocalStackFixture.ViewerName);
        request.Headers.Add("X-Remote-Group", "system:authenticated");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpResponseMessage> SendStartAsync(HttpClient client, bool spoofHeaders)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{stack.AggregatorUrl}/apis/subresources.kubevirt.io/v1/namespaces/default/virtualmachines/my-vm/start")
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        };
        if (spoofHeaders)
        {
            request.Headers.Add("X-Remote-User", Spoofed);
            request.Headers.Add("X-Remote-Group", "system:masters");
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("\"kind\":\"Status\"", body, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"Unauthorized\"", body, StringComparison.Ordinal);
    }

    // Trusts the aggregator's serving CA only (the one local-up put into the APIService's caBundle).
    private HttpClient CreateClient(X509Certificate2? clientCertificate)
    {
        var ca = X509Certificate2.CreateFromPem(File.ReadAllText(stack.AggregatorCaFile));
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = clientCertificate is null ? null : [clientCertificate],
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    if (certificate is null)
                    {
                        return false;
                    }

                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(ca);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return chain.Build(new X509Certificate2(certificate));
                },
            },
        };
        return new HttpClient(handler, disposeHandler: true);
    }
}
