using k8s.Models;
using VmLifecycle.LocalCluster.Tests.Infrastructure;

namespace VmLifecycle.LocalCluster.Tests.Resources;

[Collection(SharedCluster.Name)]
public sealed class BuiltInResourceTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Secret_StringData_Is_Stored_Base64_In_Data()
    {
        var ns = await fixture.CreateNamespaceAsync("secret");

        await fixture.Kubectl.ApplyAsync($$"""
            apiVersion: v1
            kind: Secret
            metadata: {name: creds, namespace: {{ns}}}
            stringData: {password: hunter2}
            """);
        var secret = await fixture.Kubectl.SucceedAsync("get", "secret", "creds", "-n", ns, "-o", "jsonpath={.type} {.data.password} {.stringData}");

        Assert.Equal("Opaque aHVudGVyMg== ", secret);
    }

    [Fact]
    public async Task Unknown_Top_Level_Field_Of_A_Built_In_Kind_Is_Rejected_Under_Strict_Validation()
    {
        var ns = await fixture.CreateNamespaceAsync("strictcm");

        var result = await fixture.Kubectl.RunAsync(["apply", "-f", "-"], $$"""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: typo, namespace: {{ns}}}
            dta: {a: b}
            """, TestContext.Current.CancellationToken);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("strict decoding error: unknown field \"dta\"", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Foreground_Deletion_Removes_Dependents_Before_The_Owner()
    {
        var ns = await fixture.CreateNamespaceAsync("foreground");
        using var client = fixture.CreateClient();
        var owner = await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "owner" } }, ns, cancellationToken: TestContext.Current.CancellationToken);
        var reference = new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "owner", Uid = owner.Metadata.Uid, BlockOwnerDeletion = true };
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "dependent", OwnerReferences = [reference] } }, ns, cancellationToken: TestContext.Current.CancellationToken);

        await fixture.Kubectl.SucceedAsync("delete", "configmap", "owner", "-n", ns, "--cascade=foreground", "--timeout=20s");
        var remaining = await client.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(remaining.Items);
    }

    [Fact]
    public async Task Leases_Support_Optimistic_Updates_Used_By_Leader_Election()
    {
        var ns = await fixture.CreateNamespaceAsync("lease");
        using var client = fixture.CreateClient();
        var lease = await client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease
        {
            Metadata = new V1ObjectMeta { Name = "leader" },
            Spec = new V1LeaseSpec { HolderIdentity = "a", LeaseDurationSeconds = 15, AcquireTime = DateTime.UtcNow, RenewTime = DateTime.UtcNow },
        }, ns, cancellationToken: TestContext.Current.CancellationToken);

        lease.Spec.HolderIdentity = "b";
        var renewed = await client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "leader", ns, cancellationToken: TestContext.Current.CancellationToken);
        lease.Spec.HolderIdentity = "c";
        var (code, _) = await Widgets.FailureOf(() => client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "leader", ns, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("b", renewed.Spec.HolderIdentity);
        Assert.Equal(409, code);
    }

    [Fact]
    public async Task RoleBinding_RoleRef_Cannot_Change()
    {
        var ns = await fixture.CreateNamespaceAsync("roleref");
        await fixture.Kubectl.SucceedAsync("create", "rolebinding", "bound", "-n", ns, "--clusterrole=view", "--user=jane");

        var result = await fixture.Kubectl.RunAsync("patch", "rolebinding", "bound", "-n", ns, "--type=merge", "-p", """{"roleRef":{"name":"edit"}}""");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("cannot change roleRef", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chart_Workload_Kinds_Are_Stored_So_Manifests_Apply()
    {
        var ns = await fixture.CreateNamespaceAsync("workload");

        await fixture.Kubectl.ApplyAsync($$$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: aggregator, namespace: {{{ns}}}}
            spec:
              selector: {matchLabels: {app: aggregator}}
              template:
                metadata: {labels: {app: aggregator}}
                spec: {containers: [{name: main, image: example}]}
            """);

        Assert.Equal("1", await fixture.Kubectl.SucceedAsync("get", "deployment", "aggregator", "-n", ns, "-o", "jsonpath={.metadata.generation}"));
    }

    [Fact]
    public async Task Kubectl_Describe_Shows_Events_Selected_By_Involved_Object()
    {
        var ns = await fixture.CreateNamespaceAsync("events");
        using var client = fixture.CreateClient();
        var widget = await Widgets.CreateAsync(client, ns, Widgets.New("eventful"));
        await client.CoreV1.CreateNamespacedEventAsync(new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = "eventful.1" },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = $"{Widgets.Group}/{Widgets.Version}", Kind = "Widget", Name = "eventful", NamespaceProperty = ns,
                Uid = widget["metadata"]!["uid"]!.GetValue<string>(),
            },
            Reason = "Started",
            Message = "the widget started",
            Type = "Normal",
            Source = new V1EventSource { Component = "widget-controller" },
            FirstTimestamp = DateTime.UtcNow,
            LastTimestamp = DateTime.UtcNow,
            Count = 1,
        }, ns, cancellationToken: TestContext.Current.CancellationToken);

        var description = await fixture.Kubectl.SucceedAsync("describe", "widget", "eventful", "-n", ns);
        var unknownField = await fixture.Kubectl.RunAsync("get", "events", "-n", ns, "--field-selector", "nonsense=1");

        Assert.Matches(@"Normal\s+Started\s+\S+\s+widget-controller\s+the widget started", description);
        Assert.Contains("\"nonsense\" is not a known field selector", unknownField.Error, StringComparison.Ordinal);
    }
}
