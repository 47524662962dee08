using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Api.Conventions;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>
/// How a failed write answers, as virt-api maps it: a failed JSON-patch test (something changed since it was read) is
/// a 409 carrying the patch error; a vanished object is 404; anything else is 500 <c>Internal error occurred: ...</c>.
/// kube-apiserver answers a patch that does not apply with a 422 whose message is the generic
/// <c>the server rejected our request due to an error in our request</c> and whose cause is the patch error, so the
/// causes are read as well as the message.
/// </summary>
internal static class PatchFailures
{
    public static StatusFailure Map(KubernetesApiException error, string singularResource, string name)
    {
        if (TestFailure(error) is { } patchError)
        {
            // kube-apiserver words a failed test "testing value ... failed: test failed"; clients of virt-api match on
            // the jsonpatch phrase, so it is always part of the message.
            var message = patchError.Contains(KubeVirtMessages.JsonPatchTestFailed, StringComparison.Ordinal)
                ? patchError
                : $"{KubeVirtMessages.JsonPatchTestFailed}: {patchError}";
            return StatusFailure.Conflict(singularResource, name, message);
        }

        return error.Code switch
        {
            404 => StatusFailure.NotFound(singularResource, name),
            409 => StatusFailure.Conflict(singularResource, name, error.Message),
            _ => StatusFailure.Internal(error.Message),
        };
    }

    /// <summary>The words of a failed JSON-patch test, from the Status's message or one of its causes; null when it is not one.</summary>
    private static string? TestFailure(KubernetesApiException error) =>
        IsTestFailure(error.Message) ? error.Message : error.Causes.FirstOrDefault(IsTestFailure);

    private static bool IsTestFailure(string message) =>
        message.Contains(KubeVirtMessages.JsonPatchTestFailed, StringComparison.Ordinal)
        || message.Contains("test failed", StringComparison.Ordinal)
        || message.Contains("testing value", StringComparison.Ordinal);
}
