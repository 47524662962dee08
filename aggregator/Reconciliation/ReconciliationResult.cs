namespace VmLifecycle.Aggregator.Reconciliation;

/// <summary>
/// The outcome of a reconcile: success, optionally asking to be called again after a delay, or failure, retried with the
/// work queue's per-key exponential back-off unless a delay is given.
/// </summary>
internal sealed record ReconciliationResult
{
    private ReconciliationResult(bool isSuccess, string? errorMessage, Exception? error, TimeSpan? requeueAfter)
    {
        IsSuccess = isSuccess;
        ErrorMessage = errorMessage;
        Error = error;
        RequeueAfter = requeueAfter;
    }

    public bool IsSuccess { get; }

    public string? ErrorMessage { get; }

    public Exception? Error { get; }

    public TimeSpan? RequeueAfter { get; }

    public static ReconciliationResult Success(TimeSpan? requeueAfter = null) => new(true, null, null, requeueAfter);

    public static ReconciliationResult Failure(string message, Exception? error = null, TimeSpan? requeueAfter = null) =>
        new(false, message, error, requeueAfter);
}
