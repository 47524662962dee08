namespace VmLifecycle.LocalCluster.Aggregation.Transport;

/// <summary>A response body of known Content-Length: ends after that many bytes even though the connection stays open.</summary>
internal sealed class LengthLimitedReadStream(Stream inner, long length) : ReadOnlyForwardStream
{
    private long _remaining = length;

    /// <summary>Whether the whole body has been read (the connection is then positioned at the next response).</summary>
    public bool Completed => _remaining <= 0;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_remaining <= 0 || buffer.Length == 0)
        {
            return 0;
        }

        var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _remaining)], cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            throw new IOException($"The backend closed the connection {_remaining} bytes before the end of the body.");
        }

        _remaining -= read;
        return read;
    }
}
