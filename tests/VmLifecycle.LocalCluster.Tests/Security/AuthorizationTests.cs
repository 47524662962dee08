using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using VmLifecycle.LocalCluster.Security;
using VmLifecycle.LocalCluster.Tests.Infrastructure;

namespace VmLifecycle.LocalCluster.Tests.Security;

public sealed class AuthorizationTests
{
    [Fact]
    public async Task Denied_Resource_Request_Is_403_With_Kube_Apiserver_Message()
    {
        var authorizer = new RecordingAuthorizer(a => a.Resource != "configmaps" && a.Path != "/version");
        await using var cluster = await StartAsync(authorizer);

        var namespaced = await cluster.Kubectl.RunAsync("get", "configmaps", "-n", "kube-system");
        var named = await cluster.Kubectl.RunAsync("get", "configmap", "settings", "-n", "default");
        var clusterScoped = await cluster.Kubectl.RunAsync("get", "configmaps", "-A");
        var path = await cluster.Kubectl.RunAsync("get", "--raw", "/version");

        Assert.Contains("Error from server (Forbidden): configmaps is forbidden: User \"kubernetes-admin\" cannot list resource \"configmaps\" in API group \"\" in the namespace \"kube-system\"", namespaced.Error, StringComparison.Ordinal);
        Assert.Contains("configmaps \"settings\" is forbidden: User \"kubernetes-admin\" cannot get resource \"configmaps\" in API group \"\" in the namespace \"default\"", named.Error, StringComparison.Ordinal);
        Assert.Contains("cannot list resource \"configmaps\" in API group \"\" at the cluster scope", clusterScoped.Error, StringComparison.Ordinal);
        Assert.Contains("forbidden: User \"kubernetes-admin\" cannot get path \"/version\"", path.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_Are_Resolved_Into_Attributes_Like_Kube_Apiserver_RequestInfo()
    {
        var authorizer = new RecordingAuthorizer(_ => true);
        await using var cluster = await StartAsync(authorizer);
        using var client = cluster.CreateClient();

        await Widgets.CreateAsync(client, "default", Widgets.New("recorded"));
        await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(new V1Patch("""{"status":{"phase":"x"}}""", V1Patch.PatchType.MergePatch),
            Widgets.Group, Widgets.Version, "default", Widgets.Plural, "recorded", cancellationToken: TestContext.Current.CancellationToken);
        await cluster.Kubectl.SucceedAsync("get", "--raw", "/apis/test.vmlifecycle.io/v1/widgets?watch=true&timeoutSeconds=1");
        await cluster.Kubectl.SucceedAsync("delete", "widgets", "--all", "-n", "default");
        await cluster.Kubectl.SucceedAsync("get", "--raw", "/healthz");
        await cluster.Kubectl.SucceedAsync("get", "namespace", "default");

        var seen = authorizer.Seen;
        Assert.Contains(seen, a => a is { Verb: "create", Resource: "widgets", ApiGroup: Widgets.Group, ApiVersion: "v1", Namespace: "default", Name: "" });
        Assert.Contains(seen, a => a is { Verb: "patch", Resource: "widgets", Subresource: "status", Name: "recorded" });
        Assert.Contains(seen, a => a is { Verb: "watch", Resource: "widgets", Namespace: "" });
        Assert.Contains(seen, a => a is { Verb: "list", Resource: "widgets", Namespace: "default" });
        Assert.Contains(seen, a => a is { Verb: "delete", Resource: "widgets", Name: "recorded" });
        Assert.Contains(seen, a => a is { IsResourceRequest: false, Verb: "get", Path: "/healthz" });
        Assert.Contains(seen, a => a is { Verb: "get", Resource: "namespaces", Name: "default", Namespace: "default" });
        Assert.All(seen, a => Assert.Equal(["system:masters", "system:authenticated"], a.User.Groups));
    }

    [Fact]
    public async Task Access_Reviews_Are_Answered_By_The_Authorizer()
    {
        var authorizer = new RecordingAuthorizer(a => a.User.Name == "kubernetes-admin" || a.Verb == "get");
        await using var cluster = await StartAsync(authorizer);
        using var client = cluster.CreateClient();

        var canI = await cluster.Kubectl.RunAsync("auth", "can-i", "delete", "widgets");
        var review = await client.AuthorizationV1.CreateSubjectAccessReviewAsync(new V1SubjectAccessReview
        {
            Spec = new V1SubjectAccessReviewSpec
            {
                User = "jane",
                Groups = ["devs"],
                ResourceAttributes = new V1ResourceAttributes { Verb = "delete", Resource = "widgets", Group = Widgets.Group, NamespaceProperty = "ns1" },
            },
        }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("yes", canI.Output.Trim());
        Assert.False(review.Status.Allowed);
        Assert.Contains(authorizer.Seen, a => a is { User.Name: "jane", Verb: "delete", Resource: "widgets", Namespace: "ns1" });
    }

    [Fact]
    public async Task Rbac_Object_Source_Decodes_Stored_Roles_And_Bindings()
    {
        await using var cluster = await RunningCluster.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await cluster.Kubectl.SucceedAsync("create", "role", "reader", "-n", "default", "--verb=get", "--resource=configmaps", "--resource-name=settings");
        await cluster.Kubectl.SucceedAsync("create", "rolebinding", "reader", "-n", "default", "--role=reader", "--user=jane");
        await cluster.Kubectl.SucceedAsync("create", "clusterrole", "viewer", "--verb=get", "--non-resource-url=/healthz");
        await cluster.Kubectl.SucceedAsync("create", "clusterrolebinding", "viewer", "--clusterrole=viewer", "--group=devs");
        var source = (IRbacObjectSource)cluster.Services.GetRequiredService(typeof(IRbacObjectSource));

        var role = Assert.Single(source.Roles("default"));
        var binding = Assert.Single(source.RoleBindings("default"));
        var clusterRole = Assert.Single(source.ClusterRoles(), r => r.Metadata.Name == "viewer");
        var clusterBinding = Assert.Single(source.ClusterRoleBindings(), b => b.Metadata.Name == "viewer");

        Assert.Equal(["settings"], role.Rules[0].ResourceNames);
        Assert.Equal("jane", binding.Subjects[0].Name);
        Assert.Equal(["/healthz"], clusterRole.Rules[0].NonResourceURLs);
        Assert.Equal("Group", clusterBinding.Subjects[0].Kind);
        Assert.Empty(source.Roles("kube-node-lease"));
    }

    private static Task<RunningCluster> StartAsync(IAuthorizer authorizer) =>
        RunningCluster.StartAsync(
            configure: builder => builder.Services.AddSingleton(authorizer),
            cancellationToken: TestContext.Current.CancellationToken);

    private sealed class RecordingAuthorizer(Func<RequestAttributes, bool> allow) : IAuthorizer
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<RequestAttributes> _seen = new();

        public IReadOnlyList<RequestAttributes> Seen => [.. _seen];

        public AuthorizationDecision Authorize(RequestAttributes attributes)
        {
            _seen.Enqueue(attributes);
            return allow(attributes) ? AuthorizationDecision.Allow("test") : AuthorizationDecision.Deny("");
        }
    }
}
