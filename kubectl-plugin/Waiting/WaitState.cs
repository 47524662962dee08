namespace VmLifecycle.KubectlPlugin.Waiting;

/// <summary>Whether the awaited state is reached, and the current state in words for the progress line.</summary>
internal readonly record struct WaitState(bool Reached, string Current);
