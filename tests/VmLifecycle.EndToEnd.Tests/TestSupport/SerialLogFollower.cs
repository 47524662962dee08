using System.Diagnostics;
using System.Text;
using VmLifecycle.TestSupport.Polling;

namespace VmLifecycle.EndToEnd.Tests.TestSupport;

/// <summary>
/// Reads a guest's serial console log as it grows, from a stream opened before the test acts: a file descriptor of the
/// log (which stays readable after the handler deletes the VMI's state directory) or the output of
/// <c>kubectl exec ... tail -f</c> in the handler's pod.
/// </summary>
internal sealed class SerialLogFollower : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly Stream _stream;
    private readonly Process? _process;
    private readonly StringBuilder _text = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;

    public SerialLogFollower(string description, Stream stream, Process? process)
    {
        Description = description;
        _stream = stream;
        _process = process;
        _pump = Task.Run(PumpAsync);
    }

    public string Description { get; }

    /// <summary>Everything read so far.</summary>
    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>Waits until the log read so far satisfies <paramref name="accept"/>; returns it.</summary>
    public Task<string> WaitForAsync(Func<string, bool> accept, TimeSpan timeout, string what) =>
        Eventually.ReturnsAsync(() => Task.FromResult(Text), accept, timeout, $"{what} in {Description}", TestContext.Current.CancellationToken);

    public Task<string> WaitForLineAsync(string marker, TimeSpan timeout) =>
        WaitForAsync(log => log.Contains(marker, StringComparison.Ordinal), timeout, $"\"{marker}\"");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
        }

        try
        {
            await _pump;
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }

        await _stream.DisposeAsync();
        _process?.Dispose();
        _stop.Dispose();
    }

    private async Task PumpAsync()
    {
        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = new byte[4096];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        while (!_stop.IsCancellationRequested)
        {
            var read = await _stream.ReadAsync(bytes, _stop.Token);
            if (read == 0)
            {
                if (_process is { HasExited: true })
                {
                    return;
                }

                // End of the file for now: the guest writes more later.
                await Task.Delay(PollInterval, _stop.Token);
                continue;
            }

            var count = decoder.GetChars(bytes, 0, read, chars, 0);
            lock (_text)
            {
                _text.Append(chars, 0, count);
            }
        }
    }
}
