using VmLifecycle.KubectlPlugin.Cli;

namespace VmLifecycle.KubectlPlugin.Tests.Cli;

public sealed class ArgumentParserTests
{
    [Fact]
    public void Flags_may_come_before_between_and_after_positionals_in_every_spelling()
    {
        var parsed = ArgumentParser.Parse(["-n", "ns1", "stop", "--grace-period=0", "my-vm", "--force", "--as", "bob", "--as-group=g1", "--as-group", "g2"]);

        Assert.Equal(["stop", "my-vm"], parsed.Positionals);
        Assert.Equal("ns1", parsed.Value(Flags.Namespace));
        Assert.Equal("0", parsed.Value(Flags.GracePeriod));
        Assert.True(parsed.IsSet(Flags.Force));
        Assert.Equal("bob", parsed.Value(Flags.As));
        Assert.Equal(["g1", "g2"], parsed.Values(Flags.AsGroup));
    }

    [Fact]
    public void A_short_flag_takes_its_value_attached_or_after_an_equals_sign()
    {
        Assert.Equal("ns2", ArgumentParser.Parse(["-nns2"]).Value(Flags.Namespace));
        Assert.Equal("ns3", ArgumentParser.Parse(["-n=ns3"]).Value(Flags.Namespace));
    }

    [Fact]
    public void A_switch_takes_a_value_only_after_an_equals_sign()
    {
        var parsed = ArgumentParser.Parse(["start", "--dry-run=false", "vm", "--paused"]);

        Assert.Equal(["start", "vm"], parsed.Positionals);
        Assert.False(parsed.IsSet(Flags.DryRun));
        Assert.True(parsed.IsSet(Flags.Paused));
    }

    [Fact]
    public void Wait_without_a_value_does_not_swallow_the_next_argument()
    {
        var parsed = ArgumentParser.Parse(["start", "--wait", "vm"]);

        Assert.Equal(["start", "vm"], parsed.Positionals);
        Assert.Equal(ArgumentParser.OptionalValueDefault, parsed.Value(Flags.Wait));
        Assert.Equal("2m", ArgumentParser.Parse(["--wait=2m"]).Value(Flags.Wait));
    }

    [Fact]
    public void Everything_after_a_double_dash_is_positional()
    {
        Assert.Equal(["start", "--paused"], ArgumentParser.Parse(["start", "--", "--paused"]).Positionals);
    }

    [Theory]
    [InlineData("--bogus", "unknown flag: --bogus")]
    [InlineData("-x", "unknown shorthand flag: 'x' in -x")]
    [InlineData("--namespace", "flag needs an argument: --namespace")]
    [InlineData("--force=maybe", "invalid argument \"maybe\" for \"--force\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax")]
    public void Malformed_flags_are_usage_errors_worded_like_pflag(string argument, string message)
    {
        var error = Assert.Throws<UsageException>(() => ArgumentParser.Parse(["start", "vm", argument]));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("5m", 300)]
    [InlineData("1m30s", 90)]
    [InlineData("1h", 3600)]
    [InlineData("1.5s", 1.5)]
    [InlineData("250ms", 0.25)]
    public void Go_durations_parse(string text, double seconds)
    {
        Assert.True(GoDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("5x")]
    [InlineData("m")]
    public void Malformed_go_durations_do_not_parse(string text) => Assert.False(GoDuration.TryParse(text, out _));

    [Fact]
    public void Durations_format_like_go() => Assert.Equal("5m0s", GoDuration.Format(TimeSpan.FromMinutes(5)));
}
