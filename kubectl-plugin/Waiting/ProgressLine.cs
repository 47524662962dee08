using VmLifecycle.KubectlPlugin.Cli;

namespace VmLifecycle.KubectlPlugin.Waiting;

/// <summary>One line, rewritten in place, that shows what is awaited and the current state; silent when output is not a terminal.</summary>
internal sealed class ProgressLine(ConsoleStreams streams, TimeProvider timeProvider, string description)
{
    private readonly long _started = timeProvider.GetTimestamp();
    private int _written;

    public void Update(string current)
    {
        if (!streams.IsTerminal)
        {
            return;
        }

        var elapsed = GoDuration.Format(timeProvider.GetElapsedTime(_started));
        var text = $"Waiting for {description}: {current} ({elapsed})";
        streams.Out.Write("\r" + text.PadRight(_written));
        streams.Out.Flush();
        _written = text.Length;
    }

    public void Clear()
    {
        if (_written > 0)
        {
            streams.Out.Write("\r" + new string(' ', _written) + "\r");
            streams.Out.Flush();
            _written = 0;
        }
    }
}
