using System.Security.Cryptography.X509Certificates;

namespace VmLifecycle.Aggregator.Tests.TestSupport;

/// <summary>The certificate authorities and client certificates of a test run.</summary>
internal sealed class TestPki : IDisposable
{
    public TestCertificateAuthority ServingCa { get; } = TestCertificateAuthority.Create("serving-ca");

    public TestCertificateAuthority FrontProxyCa { get; } = TestCertificateAuthority.Create("front-proxy-ca");

    public TestCertificateAuthority OtherCa { get; } = TestCertificateAuthority.Create("cluster-ca");

    public TestCertificateAuthority HandlerCa { get; } = TestCertificateAuthority.Create("handler-ca");

    public TestCertificateAuthority AggregatorClientCa { get; } = TestCertificateAuthority.Create("aggregator-client-ca");

    public X509Certificate2 FrontProxyClient => field ??= FrontProxyCa.IssueClient(AggregatorTestHost.FrontProxyName);

    public void Dispose()
    {
        ServingCa.Dispose();
        FrontProxyCa.Dispose();
        OtherCa.Dispose();
        HandlerCa.Dispose();
        AggregatorClientCa.Dispose();
    }
}
