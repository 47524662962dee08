using System.Text;

namespace VmLifecycle.EndToEnd.Tests.Robustness;

/// <summary>
/// The bodies the generator draws from: option bodies with every field of the wrong type, broken, truncated, invalid
/// UTF-8, deeply nested and oversized JSON and YAML, and seeded random bytes.
/// </summary>
internal static class MalformedBodies
{
    /// <summary>The aggregator's Serving:MaxRequestBodyBytes default; bodies over it must be a 413 Status.</summary>
    public const int AggregatorBodyLimit = 1_048_576;

    /// <summary>Option bodies with fields of the wrong type or invalid values (StopOptions, StartOptions, RestartOptions, Pause/UnpauseOptions, RenameOptions).</summary>
    public static readonly string[] WrongTypes =
    [
        """{"gracePeriod":"soon"}""", """{"gracePeriod":"0"}""", """{"gracePeriod":true}""", """{"gracePeriod":[]}""", """{"gracePeriod":{}}""",
        """{"gracePeriod":1.5}""", """{"gracePeriod":1e400}""", """{"gracePeriod":-1}""", """{"gracePeriod":9223372036854775808}""",
        """{"paused":"yes"}""", """{"paused":1}""", """{"paused":{}}""", """{"paused":null,"dryRun":null}""",
        """{"gracePeriodSeconds":"0"}""", """{"gracePeriodSeconds":{}}""", """{"gracePeriodSeconds":1}""", """{"gracePeriodSeconds":-1}""",
        """{"gracePeriodSeconds":9223372036854775807}""", """{"gracePeriodSeconds":[0]}""",
        """{"dryRun":{}}""", """{"dryRun":{"All":true}}""", """{"dryRun":"All"}""", """{"dryRun":[1]}""", """{"dryRun":[null]}""",
        """{"dryRun":[[]]}""", """{"dryRun":["Bogus"]}""", """{"dryRun":["All","Bogus"]}""", """{"dryRun":["all"]}""", """{"dryRun":true}""",
        """{"newName":""}""", """{"newName":"UPPER"}""", """{"newName":"has space"}""", """{"newName":"a/b"}""", """{"newName":"a..b"}""",
        """{"newName":"-leading"}""", """{"newName":"trailing-"}""", """{"newName":"under_score"}""", """{"newName":42}""",
        """{"newName":null}""", """{"newName":{}}""", """{"newName":["x"]}""", """{"newName":"\u00e9t\u00e9"}""", """{"newName":"\u0000"}""",
        """{"newName":"x","oldName":7}""", """{"oldName":{}}""", """{"kind":7,"apiVersion":[]}""", """{"kind":"StopOptions","apiVersion":"v0"}""",
        "{\"newName\":\"" + new string('a', 300) + "\"}", "{\"newName\":\"" + new string('a', 254) + "\"}", "{\"newName\":\"" + new string('b', 64) + ".c\"}",
        "gracePeriod: soon", "gracePeriod: [1, 2]", "dryRun: {All: true}", "dryRun: All", "newName: 12", "newName: ~", "paused: maybe",
    ];

    /// <summary>Bodies that are not a document at all, or stop half-way.</summary>
    public static readonly string[] Broken =
    [
        "{", "}", "[", "]", "{\"gracePeriod\":", "{\"newName\":\"abc", "{\"dryRun\":[\"All\"", "{\"a\":1,,}", "{} {}", "{}garbage", "nul", "tru",
        "{'single':'quotes'}", "{gracePeriod:0}", "{\"a\":1}\u0000", "\u0000\u0000\u0000", "[1,2]", "42", "\"string\"", "null", "true",
        "{\"a\":\"\\ud800\"}", "{\"a\":\"\\x41\"}", "{\"a\":01}", "{\"a\":NaN}", "{\"a\":Infinity}", "\uFEFF{\"gracePeriod\":0}",
        "key: [unclosed", "a: b: c", "? complex\n: key", "--- \n--- \n", "%YAML 9.9\n---\na: 1", "a: !!binary ####", "a: &x 1\nb: *y",
        "\tgracePeriod: 0", "- a\n- b", "&a [*a]", "a: &a {b: *a}", "a: !custom 1", "newName: |\n  multi\n  line",
    ];

    /// <summary>Invalid UTF-8: a stray continuation byte, an overlong slash, an encoded surrogate, a truncated sequence, 0xFF.</summary>
    public static readonly byte[][] InvalidUtf8 =
    [
        [0x7b, 0x80, 0x7d],
        [0x7b, 0x22, 0x6e, 0x65, 0x77, 0x4e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d],
        [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d],
        [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe2, 0x82],
        [0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00],
        [0x6e, 0x65, 0x77, 0x4e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xf8, 0x88, 0x80, 0x80, 0x80],
    ];

    /// <summary>Nested far beyond any parser's depth limit, in JSON and in YAML (block and flow).</summary>
    public static byte[] DeeplyNested(Random random) => Encoding.UTF8.GetBytes((random.Next(6)) switch
    {
        0 => new string('[', 100_000),
        1 => string.Concat(Enumerable.Repeat("{\"a\":", 20_000)) + "1" + new string('}', 20_000),
        2 => string.Concat(Enumerable.Repeat("- ", 100_000)) + "x",
        3 => "a: " + new string('[', 100_000),
        4 => "a: " + string.Concat(Enumerable.Repeat("{b: ", 50_000)),
        _ => "{\"dryRun\":" + new string('[', 5_000) + new string(']', 5_000) + "}",
    });

    /// <summary>Just over the limit (413), or just under it with a useless huge value.</summary>
    public static byte[] Oversized(Random random) => (random.Next(3)) switch
    {
        0 => Encoding.UTF8.GetBytes("{\"newName\":\"" + new string('a', AggregatorBodyLimit) + "\"}"),
        1 => Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('x', AggregatorBodyLimit - 100) + "\"}"),
        _ => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"dryRun\":[\"All\"]}", (AggregatorBodyLimit / 18) + 10))),
    };

    public static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 4096)];
        random.NextBytes(bytes);
        return bytes;
    }
}
