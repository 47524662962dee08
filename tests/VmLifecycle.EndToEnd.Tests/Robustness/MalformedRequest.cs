namespace VmLifecycle.EndToEnd.Tests.Robustness;

/// <summary>What a malformed request may be answered with.</summary>
internal enum AnswerRule
{
    /// <summary>The path names no document: only a 4xx metav1.Status will do (a subresource, an unknown path).</summary>
    Status4xx,

    /// <summary>
    /// The path is a document or probe that exists (discovery, version, health, metrics): its 2xx answer, whatever the
    /// odd query, header or body (a GET ignores its body, as kube-apiserver's does), or else a 4xx metav1.Status (405 for a
    /// method it does not serve).
    /// </summary>
    ServedOr4xxStatus,
}

/// <summary>One generated request: method, path with query, headers, body, and the rule its answer must follow.</summary>
internal sealed record MalformedRequest(
    string Method,
    string PathAndQuery,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[]? Body,
    string? ContentType,
    AnswerRule Rule,
    string Why)
{
    public override string ToString() =>
        $"{Method} {(PathAndQuery.Length > 160 ? PathAndQuery[..160] + "…" : PathAndQuery)} [{Why}; body {Body?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} bytes, {ContentType ?? "no content type"}]";
}
