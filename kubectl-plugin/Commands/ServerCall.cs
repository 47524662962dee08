using VmLifecycle.KubectlPlugin.Http;

namespace VmLifecycle.KubectlPlugin.Commands;

/// <summary>Runs a request and turns its failure into virtctl's error line: the command's prefix and the server's message.</summary>
internal static class ServerCall
{
    public static async Task RunAsync(Func<Task> call, Func<string, string> describeFailure)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (ApiException e)
        {
            throw new CommandFailedException(describeFailure(e.Message));
        }
        catch (HttpRequestException e)
        {
            throw new CommandFailedException(describeFailure(Describe(e)));
        }
    }

    /// <summary>A transport failure with its cause (the TLS or socket error is in the inner exception).</summary>
    public static string Describe(HttpRequestException exception) =>
        exception.InnerException is { } inner && !exception.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? exception.Message + " " + inner.Message
            : exception.Message;

    /// <summary>The body's dryRun list: ["All"] with --dry-run, absent otherwise.</summary>
    public static List<string>? DryRun(CommandInvocation invocation) => invocation.DryRun ? [Api.Subresources.DryRunValues.All] : null;
}
