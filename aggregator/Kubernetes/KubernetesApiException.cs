namespace VmLifecycle.Aggregator.Kubernetes;

/// <summary>The API server refused a request: its status code, reason and message (from its metav1.Status).</summary>
internal sealed class KubernetesApiException(int code, string reason, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    public bool IsNotFound => Code == 404;

    public bool IsConflict => Code == 409;
}
