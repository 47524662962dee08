namespace VmLifecycle.KubectlPlugin.Http;

/// <summary>The API server answered with an error; <see cref="Exception.Message"/> is the metav1.Status message.</summary>
internal sealed class ApiException(int statusCode, string? reason, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>The Status reason, for example NotFound or Forbidden.</summary>
    public string? Reason { get; } = reason;

    public bool IsNotFound => StatusCode == 404;
}
