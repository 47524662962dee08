using System.Text;
using VmLifecycle.Aggregator.Subresources;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.Subresources;

namespace VmLifecycle.Aggregator.Tests.Subresources;

public sealed class RequestBodyDecoderTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    [InlineData("# only a comment\n")]
    [InlineData("null")]
    public void Empty_body_means_default_options(string body)
    {
        Assert.Null(RequestBodyDecoder.TryDecode<StopOptions>(Bytes(body), out var options));
        Assert.Null(options.GracePeriod);
        Assert.Null(options.DryRun);
    }

    [Fact]
    public void Json_body_is_decoded()
    {
        Assert.Null(RequestBodyDecoder.TryDecode<StopOptions>(Bytes("""{"kind":"StopOptions","apiVersion":"subresources.kubevirt.io/v1","gracePeriod":0,"dryRun":["All"]}"""), out var options));
        Assert.Equal(0, options.GracePeriod);
        Assert.Equal(["All"], options.DryRun!);
    }

    [Fact]
    public void Yaml_body_is_decoded_with_typed_scalars()
    {
        Assert.Null(RequestBodyDecoder.TryDecode<StartOptions>(Bytes("paused: true\ndryRun:\n- All\n"), out var options));
        Assert.True(options.Paused);
        Assert.Equal(["All"], options.DryRun!);

        Assert.Null(RequestBodyDecoder.TryDecode<RestartOptions>(Bytes("gracePeriodSeconds: 0"), out var restart));
        Assert.Equal(0, restart.GracePeriodSeconds);

        Assert.Null(RequestBodyDecoder.TryDecode<RenameOptions>(Bytes("newName: '123'"), out var rename));
        Assert.Equal("123", rename.NewName);
    }

    [Fact]
    public void Unknown_fields_are_ignored_as_Go_does()
    {
        Assert.Null(RequestBodyDecoder.TryDecode<PauseOptions>(Bytes("""{"whatever":1,"dryRun":[]}"""), out var options));
        Assert.Empty(options.DryRun!);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("""{"gracePeriod":"soon"}""")]
    [InlineData("""{"gracePeriod":1.5}""")]
    [InlineData("""{"dryRun":"All"}""")]
    [InlineData("[1,2]")]
    [InlineData("gracePeriod: [1")]
    [InlineData("just a string")]
    [InlineData("42")]
    public void Undecodable_or_wrongly_typed_body_is_400_cannot_unmarshal(string body)
    {
        var failure = RequestBodyDecoder.TryDecode<StopOptions>(Bytes(body), out _);

        Assert.NotNull(failure);
        Assert.Equal(400, failure.Code);
        Assert.Equal("BadRequest", failure.Reason);
        Assert.StartsWith(KubeVirtMessages.CannotUnmarshalBodyPrefix, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_400()
    {
        var failure = RequestBodyDecoder.TryDecode<StopOptions>(new byte[] { 0x7b, 0xff, 0xfe, 0x7d }, out _);

        Assert.StartsWith(KubeVirtMessages.CannotUnmarshalBodyPrefix, failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_alias_bomb_is_refused_not_expanded()
    {
        var yaml = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        for (var level = 'b'; level <= 'k'; level++)
        {
            var previous = (char)(level - 1);
            yaml.Append(level).Append(": &").Append(level).Append(" [").Append(string.Join(',', Enumerable.Repeat("*" + previous, 10))).Append("]\n");
        }

        var failure = RequestBodyDecoder.TryDecode<StopOptions>(Bytes(yaml.ToString()), out _);

        Assert.StartsWith(KubeVirtMessages.CannotUnmarshalBodyPrefix, failure!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- ", 200_000, "x")]
    [InlineData("a: [", 100_000, "")]
    [InlineData("a: {b: ", 100_000, "")]
    public void Deeply_nested_yaml_is_400_not_a_stack_overflow(string level, int levels, string end)
    {
        var failure = RequestBodyDecoder.TryDecode<StopOptions>(Bytes(string.Concat(Enumerable.Repeat(level, levels)) + end), out _);

        Assert.Equal(400, failure?.Code);
        Assert.StartsWith(KubeVirtMessages.CannotUnmarshalBodyPrefix, failure!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("&a [*a]")]
    [InlineData("a: &a {b: *a}")]
    public void A_yaml_alias_to_its_own_enclosing_node_is_400(string body)
    {
        var failure = RequestBodyDecoder.TryDecode<StopOptions>(Bytes(body), out _);

        Assert.Equal(400, failure?.Code);
    }

    [Fact]
    public void Yaml_nested_below_the_limit_still_decodes()
    {
        var levels = YamlToJson.MaxDepth / 2;
        var nested = string.Concat(Enumerable.Repeat("{x: ", levels)) + "1" + new string('}', levels);

        Assert.Null(RequestBodyDecoder.TryDecode<StopOptions>(Bytes("gracePeriod: 3\nunknown: " + nested), out var options));
        Assert.Equal(3, options.GracePeriod);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
