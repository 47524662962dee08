namespace VmLifecycle.Aggregator.Subresources;

/// <summary>Reads a request body up to a limit, without trusting Content-Length (chunked bodies are counted as read).</summary>
internal static class RequestBodyReader
{
    /// <returns>The body, or null when it is larger than <paramref name="limit"/>.</returns>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
