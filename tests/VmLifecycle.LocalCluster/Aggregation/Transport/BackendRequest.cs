namespace VmLifecycle.LocalCluster.Aggregation.Transport;

/// <summary>
/// A request for an extension API server, kept as header lines in order so that a repeated header (one
/// X-Remote-Group line per group) stays repeated on the wire. Body null: none; BodyLength null: sent chunked.
/// </summary>
internal sealed record BackendRequest(
    string Method,
    string PathAndQuery,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    Stream? Body = null,
    long? BodyLength = null,
    bool Upgrade = false);
