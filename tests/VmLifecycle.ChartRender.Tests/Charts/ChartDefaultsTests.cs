using System.Security.Cryptography.X509Certificates;
using System.Text;
using VmLifecycle.ChartRender.Tests.TestSupport;

namespace VmLifecycle.ChartRender.Tests.Charts;

/// <summary>The chart rendered with its default values, as `helm template vm-lifecycle charts/vm-lifecycle -n vm-lifecycle`.</summary>
public sealed class ChartDefaultsTests
{
    private const string Aggregator = "vm-lifecycle-aggregator";

    private static readonly Lazy<RenderedChart> Chart = new(() => RenderedChart.Render());

    [Fact]
    public void Every_Manifest_Is_A_Named_Object_And_Namespaced_Ones_Are_In_The_Release_Namespace()
    {
        var clusterScoped = new HashSet<string>(StringComparer.Ordinal) { "ClusterRole", "ClusterRoleBinding", "APIService" };
        Assert.NotEmpty(Chart.Value.Manifests);
        foreach (var manifest in Chart.Value.Manifests)
        {
            Assert.False(string.IsNullOrEmpty(manifest.Text("apiVersion")), manifest.Source);
            Assert.False(string.IsNullOrEmpty(manifest.Name), manifest.Source);
            if (clusterScoped.Contains(manifest.Kind))
            {
                Assert.Null(manifest.Namespace);
            }
            else if (manifest.Name != $"{Aggregator}:extension-apiserver-authentication-reader")
            {
                Assert.Equal(RenderedChart.Namespace, manifest.Namespace);
            }
        }
    }

    [Fact]
    public void ApiService_Registers_The_Subresource_Group_Behind_The_Aggregator_Service()
    {
        var apiService = Chart.Value.Single("APIService", "v1.subresources.kubevirt.io");

        Assert.Equal("apiregistration.k8s.io/v1", apiService.Text("apiVersion"));
        Assert.Equal("subresources.kubevirt.io", apiService.Text("spec.group"));
        Assert.Equal("v1", apiService.Text("spec.version"));
        Assert.Equal("1000", apiService.Text("spec.groupPriorityMinimum"));
        Assert.Equal("15", apiService.Text("spec.versionPriority"));
        Assert.Equal(RenderedChart.Namespace, apiService.Text("spec.service.namespace"));
        Assert.Equal(Aggregator, apiService.Text("spec.service.name"));
        Assert.Equal("443", apiService.Text("spec.service.port"));
        Assert.Null(apiService.Get("spec.insecureSkipTLSVerify"));
    }

    [Fact]
    public void CaBundle_Is_The_Generated_Ca_That_Signed_The_Serving_Certificate_For_The_Service_Name()
    {
        var apiService = Chart.Value.Single("APIService", "v1.subresources.kubevirt.io");
        var secret = Chart.Value.Single("Secret", $"{Aggregator}-tls");

        var caPem = Decode(apiService.Text("spec.caBundle"));
        Assert.Equal(caPem, Decode(secret.Text("data.ca.crt")));
        using var ca = X509Certificate2.CreateFromPem(caPem);
        using var serving = X509Certificate2.CreateFromPem(Decode(secret.Text("data.tls.crt")), Decode(secret.Text("data.tls.key")));

        Assert.Equal(ca.Subject, serving.Issuer);
        Assert.True(serving.HasPrivateKey);
        var names = serving.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames().ToList();
        Assert.Contains($"{Aggregator}.{RenderedChart.Namespace}.svc", names);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(chain.Build(serving));
    }

    [Fact]
    public void Service_Forwards_443_To_The_Aggregators_Https_Port_8443()
    {
        var service = Chart.Value.Single("Service", Aggregator);
        var deployment = Chart.Value.Single("Deployment", Aggregator);

        Assert.Equal("443", service.Text("spec.ports.0.port"));
        Assert.Equal("https", service.Text("spec.ports.0.targetPort"));
        Assert.Equal("https", deployment.Text("spec.template.spec.containers.0.ports.0.name"));
        Assert.Equal("8443", deployment.Text("spec.template.spec.containers.0.ports.0.containerPort"));
        Assert.Equal("2", deployment.Text("spec.replicas"));
        Assert.Equal("HTTPS", deployment.Text("spec.template.spec.containers.0.readinessProbe.httpGet.scheme"));
        Assert.Equal("/readyz", deployment.Text("spec.template.spec.containers.0.readinessProbe.httpGet.path"));
        Assert.Equal($"{Aggregator}-tls", deployment.Text("spec.template.spec.volumes.0.secret.secretName"));
    }

    [Fact]
    public void Aggregator_Reads_The_Front_Proxy_Configuration_In_Kube_System_And_Delegates_Authorization()
    {
        var reader = Chart.Value.Single("RoleBinding", $"{Aggregator}:extension-apiserver-authentication-reader");
        var delegator = Chart.Value.Single("ClusterRoleBinding", $"{Aggregator}:system:auth-delegator");

        Assert.Equal("kube-system", reader.Namespace);
        Assert.Equal("Role", reader.Text("roleRef.kind"));
        Assert.Equal("extension-apiserver-authentication-reader", reader.Text("roleRef.name"));
        Assert.Equal("system:auth-delegator", delegator.Text("roleRef.name"));
        foreach (var binding in new[] { reader, delegator })
        {
            Assert.Equal("ServiceAccount", binding.Text("subjects.0.kind"));
            Assert.Equal(Aggregator, binding.Text("subjects.0.name"));
            Assert.Equal(RenderedChart.Namespace, binding.Text("subjects.0.namespace"));
        }
    }

    [Theory]
    [InlineData("admin", "aggregate-to-admin", true)]
    [InlineData("edit", "aggregate-to-edit", false)]
    public void Admin_And_Edit_Get_Exactly_The_Lifecycle_Subresources_And_Crud(string role, string label, bool deleteCollection)
    {
        var clusterRole = Chart.Value.Single("ClusterRole", $"vm-lifecycle:{role}");
        Assert.Equal("true", clusterRole.Text($"metadata.labels.rbac.authorization.k8s.io/{label}"));

        var expected = new HashSet<(string, string, string)>
        {
            ("subresources.kubevirt.io", "virtualmachines/start", "update"),
            ("subresources.kubevirt.io", "virtualmachines/stop", "update"),
            ("subresources.kubevirt.io", "virtualmachines/restart", "update"),
            ("subresources.kubevirt.io", "virtualmachines/rename", "update"),
            ("subresources.kubevirt.io", "virtualmachineinstances/pause", "update"),
            ("subresources.kubevirt.io", "virtualmachineinstances/unpause", "update"),
        };
        string[] verbs = deleteCollection
            ? ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"]
            : ["get", "list", "watch", "create", "update", "patch", "delete"];
        foreach (var resource in new[] { "virtualmachines", "virtualmachineinstances" })
        {
            foreach (var verb in verbs)
            {
                expected.Add(("kubevirt.io", resource, verb));
            }
        }

        Assert.Equal(expected.Order().ToList(), clusterRole.Grants().Order().ToList());
    }

    [Fact]
    public void View_Reads_Vms_And_Vmis_And_Gets_No_Lifecycle_Subresource()
    {
        var view = Chart.Value.Single("ClusterRole", "vm-lifecycle:view");

        Assert.Equal("true", view.Text("metadata.labels.rbac.authorization.k8s.io/aggregate-to-view"));
        Assert.DoesNotContain(view.Grants(), grant => grant.Group == "subresources.kubevirt.io" || grant.Resource.Contains('/', StringComparison.Ordinal));
        Assert.Equal(
            new[] { ("kubevirt.io", "virtualmachineinstances", "get"), ("kubevirt.io", "virtualmachineinstances", "list"), ("kubevirt.io", "virtualmachineinstances", "watch"),
                ("kubevirt.io", "virtualmachines", "get"), ("kubevirt.io", "virtualmachines", "list"), ("kubevirt.io", "virtualmachines", "watch") },
            view.Grants().Order().ToArray());
    }

    [Fact]
    public void Aggregator_And_Handler_Roles_Cover_What_They_Call()
    {
        var aggregator = Chart.Value.Single("ClusterRole", Aggregator).Grants();
        var handler = Chart.Value.Single("ClusterRole", "vm-lifecycle-handler").Grants();
        var leaderElection = Chart.Value.Single("Role", $"{Aggregator}:leader-election").Grants();

        Assert.Contains(("kubevirt.io", "virtualmachines/status", "patch"), aggregator);
        Assert.Contains(("kubevirt.io", "virtualmachineinstances", "delete"), aggregator);
        Assert.Contains(("authorization.k8s.io", "subjectaccessreviews", "create"), aggregator);
        Assert.Contains(("", "nodes", "watch"), aggregator);
        Assert.Contains(("", "events", "create"), aggregator);
        Assert.Contains(("coordination.k8s.io", "leases", "update"), leaderElection);
        Assert.Contains(("kubevirt.io", "virtualmachineinstances", "update"), handler);
        Assert.Contains(("", "nodes", "create"), handler);
        Assert.Contains(("", "nodes", "patch"), handler);
        Assert.DoesNotContain(("kubevirt.io", "virtualmachineinstances", "delete"), handler);
    }

    [Fact]
    public void Handler_And_Aggregator_Share_A_Mutual_Tls_Ca()
    {
        var server = Chart.Value.Single("Secret", "vm-lifecycle-handler-tls");
        var client = Chart.Value.Single("Secret", $"{Aggregator}-handler-client-tls");
        var daemonSet = Chart.Value.Single("DaemonSet", "vm-lifecycle-handler");

        Assert.Equal(Decode(server.Text("data.ca.crt")), Decode(client.Text("data.ca.crt")));
        using var clientCertificate = X509Certificate2.CreateFromPem(Decode(client.Text("data.tls.crt")));
        using var ca = X509Certificate2.CreateFromPem(Decode(server.Text("data.ca.crt")));
        Assert.Equal(ca.Subject, clientCertificate.Issuer);
        Assert.Equal("true", daemonSet.Text("spec.template.spec.containers.1.securityContext.privileged"));
        Assert.Contains("--client-ca=/etc/vm-lifecycle/tls/ca.crt", daemonSet.Strings("spec.template.spec.containers.1.args"));
    }

    private static string Decode(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64));
}
