using System.Text;

namespace VmLifecycle.LocalCluster.Aggregation.Transport;

/// <summary>Reads CRLF-terminated lines (status line, headers, chunk sizes) from a buffered connection stream.</summary>
internal static class HttpLineReader
{
    private const int MaxLineLength = 64 * 1024;

    /// <summary>The line without its CRLF; null at end of stream before any byte.</summary>
    public static async Task<string?> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var line = new List<byte>(128);
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0)
            {
                return line.Count == 0 ? null : throw new IOException("The backend closed the connection in the middle of a line.");
            }

            if (one[0] == (byte)'\n')
            {
                if (line.Count > 0 && line[^1] == (byte)'\r')
                {
                    line.RemoveAt(line.Count - 1);
                }

                return Encoding.Latin1.GetString([.. line]);
            }

            if (line.Count >= MaxLineLength)
            {
                throw new IOException("The backend sent a line longer than 64 KiB.");
            }

            line.Add(one[0]);
        }
    }
}
