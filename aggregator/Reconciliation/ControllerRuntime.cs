namespace VmLifecycle.Aggregator.Reconciliation;

/// <summary>Runs every registered informer and work loop together, for as long as the given token allows (one leadership term).</summary>
internal sealed partial class ControllerRuntime(IEnumerable<IInformer> informers, IEnumerable<IReconcileLoop> loops, ILogger<ControllerRuntime> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        LogStarting(logger);
        var tasks = informers.Select(informer => Guard(informer.RunAsync(cancellationToken))).ToList();
        tasks.AddRange(loops.Select(loop => Guard(loop.RunAsync(cancellationToken))));
        await Task.WhenAll(tasks);
        LogStopped(logger);
    }

    private async Task Guard(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        catch (Exception e)
        {
            LogCrashed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting informers and controllers")]
    private static partial void LogStarting(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Informers and controllers stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "An informer or controller stopped with an error")]
    private static partial void LogCrashed(ILogger logger, Exception exception);
}
