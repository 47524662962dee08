using System.Text;
using VmLifecycle.ChartRender.Charts;
using VmLifecycle.ChartRender.Templates;
using VmLifecycle.ChartRender.Tests.TestSupport;

namespace VmLifecycle.ChartRender.Tests.Charts;

/// <summary>The chart with values other than its defaults: supplied certificates, cert-manager, --show-only.</summary>
public sealed class ChartValuesTests
{
    [Fact]
    public void Supplied_Certificates_Are_Used_Instead_Of_Generated_Ones()
    {
        var chart = RenderedChart.Render(options =>
        {
            options.Overrides.Add(new ValueOverride(ValueOverrideKind.SetString, "aggregator.tls.caBundle=CA-PEM"));
            options.Overrides.Add(new ValueOverride(ValueOverrideKind.SetString, "aggregator.tls.certificate=CERT-PEM"));
            options.Overrides.Add(new ValueOverride(ValueOverrideKind.SetString, "aggregator.tls.key=KEY-PEM"));
        });

        var apiService = chart.Single("APIService", "v1.subresources.kubevirt.io");
        var secret = chart.Single("Secret", "vm-lifecycle-aggregator-tls");
        Assert.Equal("CA-PEM", Decode(apiService.Text("spec.caBundle")));
        Assert.Equal("CERT-PEM", Decode(secret.Text("data.tls.crt")));
        Assert.Equal("KEY-PEM", Decode(secret.Text("data.tls.key")));
    }

    [Fact]
    public void A_Certificate_Without_Its_Key_Is_Refused()
    {
        var exception = Assert.Throws<TemplateException>(() => RenderedChart.Render(options =>
            options.Overrides.Add(new ValueOverride(ValueOverrideKind.SetString, "aggregator.tls.caBundle=CA-PEM"))));

        Assert.Contains("aggregator.tls.certificate is required", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_Cert_Manager_The_Ca_Is_Injected_And_No_Secret_Is_Generated()
    {
        var chart = RenderedChart.Render(options =>
            options.Overrides.Add(new ValueOverride(ValueOverrideKind.Set, "certManager.enabled=true")));

        var apiService = chart.Single("APIService", "v1.subresources.kubevirt.io");
        Assert.Equal("vm-lifecycle/vm-lifecycle-aggregator", apiService.Text("metadata.annotations.cert-manager.io/inject-ca-from"));
        Assert.Null(apiService.Get("spec.caBundle"));
        Assert.Empty(chart.OfKind("Secret"));
        var serving = chart.Single("Certificate", "vm-lifecycle-aggregator");
        Assert.Equal("vm-lifecycle-aggregator-tls", serving.Text("spec.secretName"));
        Assert.Contains("vm-lifecycle-aggregator.vm-lifecycle.svc", serving.Strings("spec.dnsNames"));
    }

    [Fact]
    public void Show_Only_Renders_One_Template()
    {
        var chart = RenderedChart.Render(options => options.ShowOnly.Add("templates/aggregated-roles.yaml"));

        Assert.Equal(3, chart.Manifests.Count);
        Assert.All(chart.Manifests, manifest => Assert.Equal("vm-lifecycle/templates/aggregated-roles.yaml", manifest.Source));
    }

    [Fact]
    public void Host_Libvirt_Mode_Drops_The_Libvirtd_Container()
    {
        var chart = RenderedChart.Render(options =>
            options.Overrides.Add(new ValueOverride(ValueOverrideKind.Set, "handler.libvirt.mode=host")));

        var daemonSet = chart.Single("DaemonSet", "vm-lifecycle-handler");
        Assert.Equal("handler", daemonSet.Text("spec.template.spec.containers.0.name"));
        Assert.Single(daemonSet.List("spec.template.spec.containers"));
        Assert.Equal("/var/run/libvirt", daemonSet.Text("spec.template.spec.volumes.1.hostPath.path"));
    }

    private static string Decode(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64));
}
