using Microsoft.AspNetCore.Http;
using VmLifecycle.LocalCluster.Aggregation;
using VmLifecycle.LocalCluster.Security;

namespace VmLifecycle.LocalCluster.Tests.Aggregation;

public sealed class RemoteUserHeadersTests
{
    [Theory]
    [InlineData("scopes", "scopes")]
    [InlineData("acme.com/project", "acme.com%2Fproject")]
    [InlineData("with space", "with%20space")]
    [InlineData("100%", "100%25")]
    [InlineData("ünicode", "%C3%BCnicode")]
    public void Extra_keys_are_escaped_like_client_go(string key, string escaped)
    {
        Assert.Equal(escaped, RemoteUserHeaders.EscapeExtraKey(key));
    }

    [Fact]
    public void Each_group_and_each_extra_value_is_its_own_header_line()
    {
        var user = new UserInfo("jane", ["a", "b"], new Dictionary<string, IReadOnlyList<string>> { ["k"] = ["1", "2"] });

        var headers = RemoteUserHeaders.IdentityHeaders(user).ToList();

        Assert.Equal(
            [("X-Remote-User", "jane"), ("X-Remote-Group", "a"), ("X-Remote-Group", "b"), ("X-Remote-Extra-k", "1"), ("X-Remote-Extra-k", "2")],
            headers.Select(h => (h.Key, h.Value)));
    }

    [Fact]
    public void Hop_by_hop_headers_are_not_forwarded_but_upgrade_is_for_an_upgrade()
    {
        var incoming = new HeaderDictionary
        {
            ["Connection"] = "Upgrade",
            ["Upgrade"] = "websocket",
            ["Host"] = "front",
            ["Content-Length"] = "3",
            ["Accept"] = "application/json",
        };

        var plain = RemoteUserHeaders.ForwardedHeaders(incoming, UserInfo.Create("jane"), upgrade: false).Select(h => h.Key).ToList();
        var upgrade = RemoteUserHeaders.ForwardedHeaders(incoming, UserInfo.Create("jane"), upgrade: true).Select(h => h.Key).ToList();

        Assert.Equal(["Accept", "X-Remote-User"], plain);
        Assert.Equal(["Upgrade", "Accept", "X-Remote-User"], upgrade);
    }
}
