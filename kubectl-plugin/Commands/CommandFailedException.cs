namespace VmLifecycle.KubectlPlugin.Commands;

/// <summary>A command failed with a message that is printed as is (virtctl's wording) before exiting with 1.</summary>
internal sealed class CommandFailedException(string message) : Exception(message);
