namespace VmLifecycle.KubectlPlugin.Tests.TestSupport;

/// <summary>A request the fake API server received.</summary>
internal sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    string Body,
    IReadOnlyDictionary<string, string[]> Headers,
    string? ClientCertificateSubject)
{
    public string PathAndQuery => Path + Query;

    public string[] Header(string name) => Headers.TryGetValue(name, out var values) ? values : [];
}
