namespace VmLifecycle.Handler.Tests.Infrastructure;

/// <summary>Keeps the latest content of a serial log, so a test can read it after the handler deleted the file.</summary>
internal sealed class SerialLogFollower : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private volatile string _content = "";

    public SerialLogFollower(string path) => _loop = FollowAsync(path);

    public string Content => _content;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task FollowAsync(string path)
    {
        while (!_stop.IsCancellationRequested)
        {
            var content = SerialLog.Read(path);
            if (content.Length >= _content.Length)
            {
                _content = content;
            }

            try
            {
                await Task.Delay(20, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
