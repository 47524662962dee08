using VmLifecycle.LocalCluster.Security.Authentication;

namespace VmLifecycle.LocalCluster.Tests.Security;

public sealed class StaticTokenFileTests
{
    [Fact]
    public void A_record_gives_user_uid_and_quoted_comma_separated_groups()
    {
        var tokens = StaticTokenFile.Parse("secret-token,jane,uid-1,\"devs,system:masters\"\n");

        var jane = tokens["secret-token"];
        Assert.Equal("jane", jane.Name);
        Assert.Equal("uid-1", jane.Uid);
        Assert.Equal(["devs", "system:masters"], jane.Groups);
    }

    [Fact]
    public void Groups_are_optional_and_extra_columns_ignored()
    {
        var tokens = StaticTokenFile.Parse("t1,alice,1\r\nt2,bob,2,ops,ignored\n");

        Assert.Empty(tokens["t1"].Groups);
        Assert.Equal(["ops"], tokens["t2"].Groups);
    }

    [Fact]
    public void Blank_lines_and_empty_tokens_are_skipped_and_a_later_duplicate_wins()
    {
        var tokens = StaticTokenFile.Parse("\nt1,alice,1\n\n,nobody,2\nt1,carol,3\n");

        Assert.Single(tokens);
        Assert.Equal("carol", tokens["t1"].Name);
    }

    [Fact]
    public void A_record_with_fewer_than_three_columns_is_an_error()
    {
        var error = Assert.Throws<FormatException>(() => StaticTokenFile.Parse("t1,alice\n", "/etc/tokens.csv"));

        Assert.Equal("token file '/etc/tokens.csv' must have at least 3 columns (token, user name, user uid), found 2", error.Message);
    }

    [Fact]
    public void Quotes_inside_quoted_fields_are_doubled()
    {
        var tokens = StaticTokenFile.Parse("t1,\"o\"\"neil\",1\n");

        Assert.Equal("o\"neil", tokens["t1"].Name);
    }

    [Fact]
    public void Bearer_tokens_are_looked_up_and_unknown_ones_rejected()
    {
        var authenticator = new BearerTokenAuthenticator(StaticTokenFile.Parse("t1,alice,1\n"));

        Assert.Equal("alice", authenticator.Authenticate("Bearer t1").User?.Name);
        Assert.Equal("alice", authenticator.Authenticate("bearer t1").User?.Name);
        Assert.Equal("invalid bearer token", authenticator.Authenticate("Bearer nope").Error);
        Assert.Same(AuthenticationOutcome.NoCredentials, authenticator.Authenticate("Basic dXNlcg=="));
        Assert.Same(AuthenticationOutcome.NoCredentials, authenticator.Authenticate(null));
    }
}
