using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Errors;

/// <summary>A failure that is answered to the client as a metav1.Status with the given HTTP code.</summary>
internal sealed class StatusException : Exception
{
    public StatusException(JsonObject status)
        : base(status["message"]?.GetValue<string>())
    {
        Status = status;
    }

    public StatusException()
        : this(ApiStatus.InternalError("unknown error").Status)
    {
    }

    public StatusException(string message)
        : this(ApiStatus.InternalError(message).Status)
    {
    }

    public StatusException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = ApiStatus.InternalError(message).Status;
    }

    public JsonObject Status { get; }

    public int Code => Status["code"]?.GetValue<int>() ?? 500;
}
