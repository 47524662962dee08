namespace VmLifecycle.LocalCluster.Aggregation.Transport;

/// <summary>
/// The status and headers of a backend's answer with its body as a stream read on demand (never buffered whole).
/// After 101 Switching Protocols, <see cref="UpgradedRead"/> and <see cref="UpgradedWrite"/> carry the raw connection.
/// Disposing closes the connection.
/// </summary>
internal sealed class BackendResponse(
    int statusCode,
    IReadOnlyList<KeyValuePair<string, string>> headers,
    Stream body,
    Stream upgradedRead,
    Stream upgradedWrite,
    IAsyncDisposable connection) : IAsyncDisposable
{
    public int StatusCode { get; } = statusCode;

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; } = headers;

    public Stream Body { get; } = body;

    public Stream UpgradedRead { get; } = upgradedRead;

    public Stream UpgradedWrite { get; } = upgradedWrite;

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
