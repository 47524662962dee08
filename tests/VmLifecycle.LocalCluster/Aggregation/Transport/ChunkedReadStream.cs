using System.Globalization;

namespace VmLifecycle.LocalCluster.Aggregation.Transport;

/// <summary>
/// Decodes a Transfer-Encoding: chunked body as it arrives, chunk by chunk, so watch streams reach the caller
/// event by event. Trailers are read and dropped.
/// </summary>
internal sealed class ChunkedReadStream(Stream inner) : ReadOnlyForwardStream
{
    private long _chunkRemaining;
    private bool _finished;

    /// <summary>Whether the last chunk and the trailers have been read (the connection is then positioned at the next response).</summary>
    public bool Completed => _finished;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_finished || buffer.Length == 0)
        {
            return 0;
        }

        if (_chunkRemaining == 0)
        {
            _chunkRemaining = await ReadChunkSizeAsync(cancellationToken).ConfigureAwait(false);
            if (_chunkRemaining == 0)
            {
                while (!string.IsNullOrEmpty(await HttpLineReader.ReadLineAsync(inner, cancellationToken).ConfigureAwait(false)))
                {
                    // Trailer fields are not forwarded.
                }

                _finished = true;
                return 0;
            }
        }

        var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _chunkRemaining)], cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            throw new IOException("The backend closed the connection inside a chunk.");
        }

        _chunkRemaining -= read;
        if (_chunkRemaining == 0)
        {
            await HttpLineReader.ReadLineAsync(inner, cancellationToken).ConfigureAwait(false);
        }

        return read;
    }

    private async Task<long> ReadChunkSizeAsync(CancellationToken cancellationToken)
    {
        var line = await HttpLineReader.ReadLineAsync(inner, cancellationToken).ConfigureAwait(false)
            ?? throw new IOException("The backend closed the connection before the last chunk.");
        var size = line.Split(';', 2)[0].Trim();
        return long.TryParse(size, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var length) && length >= 0
            ? length
            : throw new IOException($"Invalid chunk size line \"{line}\".");
    }
}
