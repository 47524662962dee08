using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace VmLifecycle.Fault.Tests.TestSupport;

/// <summary>The handler's /metrics (no client certificate needed), served with a certificate of the stack's handler CA.</summary>
internal static class HandlerMetrics
{
    /// <summary>The sum of vmlifecycle_handler_domain_events_total over its labels: libvirt lifecycle events received.</summary>
    public static async Task<double> DomainEventsAsync(FaultStackFixture stack)
    {
        using var ca = X509CertificateLoader.LoadCertificateFromFile(stack.HandlerCaFile);
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, chain, _) =>
            {
                if (certificate is null || chain is null)
                {
                    return false;
                }

                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(certificate);
            },
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(20) };
        var text = await client.GetStringAsync(new Uri(stack.HandlerUrl + "/metrics"), TestContext.Current.CancellationToken);
        return text.Split('\n')
            .Where(line => line.StartsWith("vmlifecycle_handler_domain_events_total", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }
}
