namespace VmLifecycle.Aggregator.Kubernetes;

/// <summary>
/// The API server refused a request: its status code, reason and message (from its metav1.Status), and the messages of
/// the Status's causes (kube-apiserver puts the JSON-patch error there when a patch does not apply).
/// </summary>
internal sealed class KubernetesApiException(int code, string reason, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    public IReadOnlyList<string> Causes { get; init; } = [];

    public bool IsNotFound => Code == 404;

    public bool IsConflict => Code == 409;
}
