using k8s.Models;
using VmLifecycle.Api;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.Serialization;
using VmLifecycle.Api.VirtualMachineInstances;

namespace VmLifecycle.Handler.Endpoints;

/// <summary>metav1.Status answers (<see cref="StatusJson"/>), worded as KubeVirt words them (api/Conventions/KubeVirtMessages).</summary>
internal static class StatusResults
{
    public static IResult Conflict(string name, string message) =>
        Failure(StatusCodes.Status409Conflict, "Conflict", KubeVirtMessages.Conflict(VirtualMachineInstance.KubeSingularName, name, message), name);

    public static IResult NotFound(string name) =>
        Failure(StatusCodes.Status404NotFound, "NotFound", KubeVirtMessages.VirtualMachineInstanceNotFound(name), name);

    /// <summary>404 for a path this server does not serve, in kube-apiserver's words.</summary>
    public static IResult PathNotFound() =>
        Failure(StatusCodes.Status404NotFound, "NotFound", "the server could not find the requested resource", null);

    public static IResult MethodNotAllowed() =>
        Failure(StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", "the server does not allow this method on the requested resource", null);

    public static IResult Unauthorized(string message) => Failure(StatusCodes.Status401Unauthorized, "Unauthorized", message, null);

    public static IResult InternalError(string error, string? name) =>
        Failure(StatusCodes.Status500InternalServerError, "InternalError", KubeVirtMessages.InternalError(error), name);

    public static IResult Success() => Answer(new V1Status { Status = StatusJson.Success, Code = StatusCodes.Status200OK });

    private static IResult Failure(int code, string reason, string message, string? name) => Answer(new V1Status
    {
        Status = StatusJson.Failure,
        Code = code,
        Reason = reason,
        Message = message,
        // details.kind is the singular resource, as errors.NewConflict/NewNotFound on a kubevirt.io resource write it.
        Details = name is null ? null : new V1StatusDetails { Name = name, Group = KubeVirtGroup.Name, Kind = VirtualMachineInstance.KubeSingularName },
    });

    private static IResult Answer(V1Status status) => Results.Text(StatusJson.Serialize(status), StatusJson.ContentType, status.Code);
}
