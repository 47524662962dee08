using VmLifecycle.Aggregator.Authentication;
using VmLifecycle.Aggregator.Tests.TestSupport;

namespace VmLifecycle.Aggregator.Tests.Authentication;

public sealed class RequestHeaderSettingsParserTests
{
    [Fact]
    public void Lists_are_json_arrays_inside_strings()
    {
        using var ca = TestCertificateAuthority.Create("front-proxy-ca");
        using var second = TestCertificateAuthority.Create("front-proxy-ca-next");
        var data = new Dictionary<string, string>
        {
            ["client-ca-file"] = "ignored",
            ["requestheader-client-ca-file"] = ca.CertificatePem + "\n" + second.CertificatePem,
            ["requestheader-allowed-names"] = """["front-proxy-client","aggregator"]""",
            ["requestheader-username-headers"] = """["X-Remote-User"]""",
            ["requestheader-group-headers"] = """["X-Remote-Group"]""",
            ["requestheader-extra-headers-prefix"] = """["X-Remote-Extra-"]""",
        };

        var settings = RequestHeaderSettingsParser.Parse(data, "123");

        Assert.Equal(2, settings.ClientCertificateAuthorities.Count);
        Assert.Equal(["front-proxy-client", "aggregator"], settings.AllowedNames);
        Assert.Equal(["X-Remote-User"], settings.UsernameHeaders);
        Assert.Equal(["X-Remote-Group"], settings.GroupHeaders);
        Assert.Equal(["X-Remote-Extra-"], settings.ExtraHeaderPrefixes);
        Assert.Equal("123", settings.Version);
    }

    [Fact]
    public void Empty_allowed_names_list_means_any_name()
    {
        var settings = RequestHeaderSettingsParser.Parse(new Dictionary<string, string> { ["requestheader-allowed-names"] = "[]" }, "1");

        Assert.Empty(settings.AllowedNames);
        Assert.Empty(settings.ClientCertificateAuthorities);
    }

    [Fact]
    public void Missing_header_keys_default_to_the_X_Remote_headers()
    {
        var settings = RequestHeaderSettingsParser.Parse(null, "1");

        Assert.Equal(RequestHeaderSettings.DefaultUsernameHeaders, settings.UsernameHeaders);
        Assert.Equal(RequestHeaderSettings.DefaultGroupHeaders, settings.GroupHeaders);
        Assert.Equal(RequestHeaderSettings.DefaultExtraHeaderPrefixes, settings.ExtraHeaderPrefixes);
    }

    [Theory]
    [InlineData("requestheader-allowed-names", "front-proxy-client")]
    [InlineData("requestheader-username-headers", """{"a":1}""")]
    [InlineData("requestheader-group-headers", "[1]")]
    public void Malformed_lists_are_a_format_error(string key, string value)
    {
        Assert.Throws<FormatException>(() => RequestHeaderSettingsParser.Parse(new Dictionary<string, string> { [key] = value }, "1"));
    }
}
