using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Api.Conventions;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>
/// How a failed write answers, as virt-api maps it: a failed JSON-patch test (something changed since it was read) is
/// a 409 carrying the patch error; a vanished object is 404; anything else is 500 <c>Internal error occurred: ...</c>.
/// </summary>
internal static class PatchFailures
{
    public static StatusFailure Map(KubernetesApiException error, string singularResource, string name)
    {
        if (IsTestFailure(error.Message))
        {
            // kube-apiserver words a failed test "testing value ... failed: test failed"; clients of virt-api match on
            // the jsonpatch phrase, so it is always part of the message.
            var message = error.Message.Contains(KubeVirtMessages.JsonPatchTestFailed, StringComparison.Ordinal)
                ? error.Message
                : $"{KubeVirtMessages.JsonPatchTestFailed}: {error.Message}";
            return StatusFailure.Conflict(singularResource, name, message);
        }

        return error.Code switch
        {
            404 => StatusFailure.NotFound(singularResource, name),
            409 => StatusFailure.Conflict(singularResource, name, error.Message),
            _ => StatusFailure.Internal(error.Message),
        };
    }

    public static bool IsTestFailure(string message) =>
        message.Contains(KubeVirtMessages.JsonPatchTestFailed, StringComparison.Ordinal)
        || message.Contains("test failed", StringComparison.Ordinal)
        || message.Contains("testing value", StringComparison.Ordinal);
}
