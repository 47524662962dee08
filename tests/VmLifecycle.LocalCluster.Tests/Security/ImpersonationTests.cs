using Microsoft.AspNetCore.Http;
using VmLifecycle.LocalCluster.Security;
using VmLifecycle.LocalCluster.Security.Authentication;
using VmLifecycle.LocalCluster.Security.Authorization;
using static VmLifecycle.LocalCluster.Tests.Security.InMemoryRbacObjects;

namespace VmLifecycle.LocalCluster.Tests.Security;

public sealed class ImpersonationTests
{
    private static readonly UserInfo _admin = UserInfo.Create("admin", UserInfo.MastersGroup, UserInfo.AuthenticatedGroup);

    private static HeaderDictionary Headers(params (string Name, string[] Values)[] headers) =>
        new(headers.ToDictionary(h => h.Name, h => new Microsoft.Extensions.Primitives.StringValues(h.Values)));

    private sealed class RecordingAuthorizer : IAuthorizer
    {
        public List<RequestAttributes> Asked { get; } = [];

        public AuthorizationDecision Authorize(RequestAttributes attributes)
        {
            Asked.Add(attributes);
            return AuthorizationDecision.Allow("");
        }
    }

    [Fact]
    public void Every_requested_identity_is_authorized_as_impersonate_in_kube_apiservers_terms()
    {
        var authorizer = new RecordingAuthorizer();
        var headers = Headers(
            ("Impersonate-User", ["bob"]),
            ("Impersonate-Group", ["ops", "devs"]),
            ("Impersonate-Extra-Scopes", ["view"]),
            ("Impersonate-Uid", ["1234"]));

        new Impersonation(authorizer).Resolve(_admin, headers);

        Assert.All(authorizer.Asked, a => Assert.Equal("impersonate", a.Verb));
        Assert.Equal(
            [
                ("", "users", "", "bob"),
                ("", "groups", "", "ops"),
                ("", "groups", "", "devs"),
                ("authentication.k8s.io", "userextras", "scopes", "view"),
                ("authentication.k8s.io", "uids", "", "1234"),
            ],
            authorizer.Asked.Select(a => (a.ApiGroup, a.Resource, a.Subresource, a.Name)));
    }

    [Fact]
    public void The_impersonated_user_gets_its_groups_extras_uid_and_system_authenticated()
    {
        var headers = Headers(
            ("Impersonate-User", ["bob"]),
            ("Impersonate-Group", ["ops"]),
            ("Impersonate-Extra-Acme.com%2Fproject", ["a", "b"]),
            ("Impersonate-Uid", ["1234"]));

        var (user, error) = new Impersonation(new RecordingAuthorizer()).Resolve(_admin, headers);

        Assert.Null(error);
        Assert.Equal("bob", user?.Name);
        Assert.Equal("1234", user?.Uid);
        Assert.Equal(["ops", UserInfo.AuthenticatedGroup], user?.Groups);
        Assert.Equal(["a", "b"], user?.Extra["acme.com/project"]);
    }

    [Fact]
    public void Impersonating_a_service_account_checks_serviceaccounts_in_its_namespace_and_adds_its_groups()
    {
        var authorizer = new RecordingAuthorizer();

        var (user, _) = new Impersonation(authorizer).Resolve(_admin, Headers(("Impersonate-User", ["system:serviceaccount:vm-system:controller"])));

        var asked = authorizer.Asked.Single();
        Assert.Equal(("serviceaccounts", "vm-system", "controller"), (asked.Resource, asked.Namespace, asked.Name));
        Assert.Equal(["system:serviceaccounts", "system:serviceaccounts:vm-system", UserInfo.AuthenticatedGroup], user?.Groups);
    }

    [Fact]
    public void A_refused_service_account_impersonation_names_the_namespace()
    {
        var (_, error) = new Impersonation(new RbacAuthorizer(new InMemoryRbacObjects()))
            .Resolve(UserInfo.Create("jane"), Headers(("Impersonate-User", ["system:serviceaccount:vm-system:controller"])));

        Assert.Equal(
            "serviceaccounts \"controller\" is forbidden: User \"jane\" cannot impersonate resource \"serviceaccounts\" in API group \"\" in the namespace \"vm-system\"",
            error?.Message);
    }

    [Fact]
    public void Impersonating_anonymous_adds_system_unauthenticated_instead()
    {
        var (user, _) = new Impersonation(new RecordingAuthorizer()).Resolve(_admin, Headers(("Impersonate-User", [UserInfo.AnonymousUser])));

        Assert.Equal([UserInfo.UnauthenticatedGroup], user?.Groups);
    }

    [Fact]
    public void Without_impersonation_headers_nothing_changes()
    {
        var (user, error) = new Impersonation(new RecordingAuthorizer()).Resolve(_admin, Headers());

        Assert.Null(user);
        Assert.Null(error);
    }

    [Fact]
    public void A_user_allowed_by_rbac_may_impersonate_within_its_resource_names()
    {
        var rbac = new InMemoryRbacObjects()
            .ClusterRole("as-bob", Rule(["impersonate"], [""], ["users"], ["bob"]))
            .ClusterRoleBinding("jane-as-bob", "as-bob", User("jane"));

        var (user, error) = new Impersonation(new RbacAuthorizer(rbac)).Resolve(UserInfo.Create("jane"), Headers(("Impersonate-User", ["bob"])));

        Assert.Null(error);
        Assert.Equal("bob", user?.Name);
    }
}
