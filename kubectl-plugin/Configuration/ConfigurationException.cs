namespace VmLifecycle.KubectlPlugin.Configuration;

/// <summary>The client configuration is missing or inconsistent; the message is kubectl's (printed after "error: ").</summary>
internal sealed class ConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
