namespace VmLifecycle.Aggregator.NodeHandlerClient;

/// <summary>The handler could not be reached or did not answer in time.</summary>
internal sealed class NodeHandlerUnreachableException(string message, Exception innerException) : Exception(message, innerException);
