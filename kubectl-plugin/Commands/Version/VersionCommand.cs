using System.Text.Json;
using VmLifecycle.KubectlPlugin.Cli;
using VmLifecycle.KubectlPlugin.Http;

namespace VmLifecycle.KubectlPlugin.Commands.Version;

/// <summary>
/// <c>version [--client]</c>: the client's version, and (without --client) the aggregator's
/// /apis/subresources.kubevirt.io/v1/version and kube-apiserver's /version.
/// </summary>
internal static class VersionCommand
{
    public static CommandDefinition Definition { get; } = new(
        "version",
        "version",
        "Print the client and server version information.",
        "  # Print the client and server versions for the current context:\n  {0} version",
        ExactArgs: 0,
        [Flags.ClientOnly],
        RunAsync);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var output = invocation.Streams.Out;
        output.WriteLine("Client Version: " + VersionInfo.Client.ToGoSyntax());
        if (invocation.Arguments.IsSet(Flags.ClientOnly))
        {
            return ExitCodes.Success;
        }

        try
        {
            var server = VersionInfo.Parse(await invocation.Client.GetTextAsync(ApiPaths.SubresourceVersion, cancellationToken).ConfigureAwait(false));
            output.WriteLine("Server Version: " + server.ToGoSyntax());
            var kubernetes = VersionInfo.Parse(await invocation.Client.GetTextAsync(ApiPaths.KubernetesVersion, cancellationToken).ConfigureAwait(false));
            output.WriteLine("Kubernetes Version: " + kubernetes.GitVersion);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or JsonException)
        {
            throw new CommandFailedException("error getting server version: " + e.Message);
        }

        return ExitCodes.Success;
    }
}
