using System.Text;

namespace VmLifecycle.EndToEnd.Tests.Robustness;

/// <summary>
/// Generates malformed requests deterministically from a seed: wrong methods, unknown paths and subresources, invalid
/// names and namespaces in the path, bad query strings, wrong content types, large headers (within Kestrel's 32 KiB),
/// and the bodies of <see cref="MalformedBodies"/>, against one surface's endpoints.
/// </summary>
internal sealed class MalformedRequestGenerator(int seed, MalformedRequestGenerator.Surface surface)
{
    private const string Group = "/apis/subresources.kubevirt.io";
    private const string Version = Group + "/v1";

    /// <summary>The endpoints a generator aims at.</summary>
    public enum Surface
    {
        /// <summary>Every path the aggregator serves, called directly.</summary>
        Aggregator,

        /// <summary>The aggregator's paths as kube-apiserver proxies them (the group's version and below).</summary>
        AggregatorThroughCluster,

        /// <summary>The handler's pause/unpause, health and metrics.</summary>
        Handler,
    }

    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PUT", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND", "CONNECTX"];

    private static readonly string[] AggregatorDocuments = ["/", "/apis", Group, Version, Version + "/version"];

    private static readonly string[] AggregatorProbes = ["/healthz", "/livez", "/readyz", Version + "/healthz", "/metrics"];

    private static readonly string[] AggregatorUnknown =
    [
        "/openapi/v2", "/openapi/v3", "/openapi/v3/apis/subresources.kubevirt.io/v1", "/api", "/api/v1", "/apis/kubevirt.io/v1", Group + "/v1alpha3",
        Group + "/v2", Version + "/namespaces", Version + "/namespaces/default", Version + "/virtualmachines", Version + "/namespaces/default/virtualmachines",
        Version + "/namespaces/default/virtualmachines/vm", "/metrics/extra", "/healthz/ping", "/livez/x", "/%2e%2e/etc/passwd", "/.well-known/x", "/favicon.ico",
        "/index.html", "/apis/" + new string('g', 2000),
    ];

    private static readonly string[] VmSubresources = ["start", "stop", "restart", "rename", "migrate", "softreboot", "expand-spec", "start/extra", "Start", "%73tart", "start/"];

    private static readonly string[] VmiSubresources = ["pause", "unpause", "freeze", "vnc", "vnc/screenshot", "console", "Pause", "pause/x", "guestosinfo"];

    private static readonly string[] Resources = ["virtualmachines", "virtualmachineinstances", "VirtualMachines", "vms", "pods", "virtualmachines.kubevirt.io"];

    // Valid names in namespaces that do not exist (a lookup is 404), and every kind of invalid one.
    private static readonly string[] Names =
    [
        "vm", "robust-vm", "a.b.c", "9", "UPPER", "Mixed-Case", new string('n', 300), new string('n', 254), "a%2Fb", "a%252Fb", "..", ".", "%2E%2E", "-lead",
        "trail-", "under_score", "sp%20ace", "%00", "%FF", "%C3%A9t%C3%A9", "a:b", "a;b", "a,b", "*", "~", "%ZZ", "a@b", "'quoted'",
    ];

    private static readonly string[] Namespaces =
    [
        "robustness-absent", "robustness-none", "UPPER", new string('s', 64), new string('s', 300), "a.b", "a%2Fb", "..", "-x", "x_y", "%00", "kube-system-x",
    ];

    private static readonly string[] Queries =
    [
        "", "", "", "?dryRun=Bogus", "?dryRun=All&dryRun=All", "?dryRun=All&dryRun=Bogus", "?dryRun", "?dryRun=", "?=&&=", "?a=%ZZ", "?gracePeriod=abc",
        "?timeout=-1s", "?fieldManager=" + new string('f', 300), "?" + string.Join('&', Enumerable.Range(0, 200).Select(i => $"k{i}=v{i}")),
        "?pretty=true&pretty=false", "?watch=1", "?%00=%00", "?q=" + new string('q', 4000), "?limit=-1&continue=%FF",
    ];

    private static readonly string?[] ContentTypes =
    [
        "application/json", "application/json", "application/yaml", null, "text/plain", "application/octet-stream", "application/json; charset=latin1",
        "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/merge-patch+json", "application/json-patch+json",
        "application/vnd.kubernetes.protobuf", "*/*", "application/", "application/json; charset=\"", "text/html; q=0.5",
    ];

    private static readonly string[] HandlerProbes = ["/healthz", "/readyz", "/metrics"];

    private static readonly string[] HandlerUnknown =
    [
        "/", "/v1", "/v1/namespaces", "/v1/namespaces/ns/virtualmachineinstances/vm", "/v1/namespaces/ns/virtualmachines/vm/pause",
        "/v2/namespaces/ns/virtualmachineinstances/vm/pause", "/apis", "/livez", "/healthz/x", "/metrics/x", "/v1/namespaces/ns/virtualmachineinstances/vm/freeze",
        "/v1/namespaces/ns/virtualmachineinstances/vm/pause/extra", "/" + new string('h', 2000),
    ];

    private readonly Random _random = new(seed);

    public IEnumerable<MalformedRequest> Take(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Next();
        }
    }

    private MalformedRequest Next() => surface switch
    {
        Surface.Aggregator => _random.Next(10) switch
        {
            0 => Request(Pick(AggregatorDocuments), AnswerRule.ServedOr4xxStatus, "discovery document"),
            1 => Request(Pick(AggregatorProbes), AnswerRule.ServedOr4xxStatus, "probe or metrics"),
            2 => Request(Pick(AggregatorUnknown), AnswerRule.Status4xx, "unknown path"),
            _ => Subresource(),
        },
        Surface.AggregatorThroughCluster => _random.Next(10) switch
        {
            0 => Request(Pick([Version, Version + "/version", Version + "/healthz"]), AnswerRule.ServedOr4xxStatus, "proxied document"),
            1 => Request(Pick([Version + "/namespaces/default/virtualmachines/vm", Version + "/namespaces", Version + "/bogus"]), AnswerRule.Status4xx, "proxied unknown path"),
            _ => Subresource(),
        },
        _ => _random.Next(10) switch
        {
            0 or 1 => Request(Pick(HandlerProbes), AnswerRule.ServedOr4xxStatus, "probe or metrics"),
            2 => Request(Pick(HandlerUnknown), AnswerRule.Status4xx, "unknown path"),
            _ => HandlerPause(),
        },
    };

    private MalformedRequest Subresource()
    {
        var vmi = _random.Next(2) == 0;
        var resource = _random.Next(8) == 0 ? Pick(Resources) : vmi ? "virtualmachineinstances" : "virtualmachines";
        var subresource = _random.Next(6) == 0 ? Pick(vmi ? VmSubresources : VmiSubresources) : Pick(vmi ? VmiSubresources[..2] : VmSubresources[..4]);
        var path = $"{Version}/namespaces/{Pick(Namespaces)}/{resource}/{Pick(Names)}/{subresource}";
        return Request(path, AnswerRule.Status4xx, $"subresource {resource}/{subresource}");
    }

    private MalformedRequest HandlerPause()
    {
        var path = $"/v1/namespaces/{Pick(Namespaces)}/virtualmachineinstances/{Pick(Names)}/{Pick(["pause", "unpause"])}";
        return Request(path, AnswerRule.Status4xx, "handler pause/unpause");
    }

    private MalformedRequest Request(string path, AnswerRule rule, string what)
    {
        var method = Pick(Methods);
        var headers = Headers();
        var (body, why) = method is "GET" or "HEAD" or "OPTIONS" && _random.Next(4) != 0 ? (null, "no body") : Body();
        var contentType = body is null ? null : Pick(ContentTypes);
        return new MalformedRequest(method, path + Pick(Queries), headers, body, contentType, rule, $"{what}, {why}");
    }

    private (byte[]? Body, string Why) Body() => _random.Next(16) switch
    {
        0 => (null, "no body"),
        1 => ([], "empty body"),
        2 => ("{}"u8.ToArray(), "empty object"),
        >= 3 and <= 7 => (Encoding.UTF8.GetBytes(Pick(MalformedBodies.WrongTypes)), "wrong types"),
        >= 8 and <= 10 => (Encoding.UTF8.GetBytes(Pick(MalformedBodies.Broken)), "broken document"),
        11 => (Pick(MalformedBodies.InvalidUtf8), "invalid UTF-8"),
        12 => (MalformedBodies.DeeplyNested(_random), "deeply nested"),
        13 => (MalformedBodies.Oversized(_random), "oversized"),
        14 => (Truncate(Encoding.UTF8.GetBytes(Pick(MalformedBodies.WrongTypes))), "truncated"),
        _ => (MalformedBodies.RandomBytes(_random), "random bytes"),
    };

    private List<KeyValuePair<string, string>> Headers()
    {
        var headers = new List<KeyValuePair<string, string>>();
        switch (_random.Next(8))
        {
            case 0:
                headers.Add(new("X-Padding", new string('p', _random.Next(4_000, 16_000))));
                break;
            case 1:
                headers.AddRange(Enumerable.Range(0, 60).Select(i => new KeyValuePair<string, string>($"X-Many-{i}", new string('m', 100))));
                break;
            case 2:
                headers.Add(new("Accept", Pick(["application/vnd.kubernetes.protobuf", "application/json;as=Table;v=v1;g=meta.k8s.io", "text/html", "*/*;q=bogus", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"])));
                break;
            case 3:
                headers.Add(new("Content-Encoding", Pick(["gzip", "br", "identity", "bogus"])));
                break;
            case 4:
                headers.Add(new("If-None-Match", "\"" + new string('e', 1000) + "\""));
                headers.Add(new("Range", "bytes=0-1,-5,9999999999-"));
                break;
        }

        return headers;
    }

    private byte[] Truncate(byte[] body) => body.Length < 2 ? body : body[..(_random.Next(1, body.Length))];

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
