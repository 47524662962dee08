using System.Net;
using System.Text.Json;
using VmLifecycle.Api;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;

namespace VmLifecycle.Handler.Endpoints;

/// <summary>metav1.Status answers, worded as KubeVirt words them (api/Conventions/KubeVirtMessages).</summary>
internal static class StatusResults
{
    public const string JsonContentType = "application/json";

    public static IResult Conflict(string name, string message) =>
        Failure(HttpStatusCode.Conflict, "Conflict", KubeVirtMessages.Conflict(VirtualMachineInstance.KubeSingularName, name, message), name);

    public static IResult NotFound(string name) =>
        Failure(HttpStatusCode.NotFound, "NotFound", KubeVirtMessages.VirtualMachineInstanceNotFound(name), name);

    public static IResult Unauthorized(string message) => Failure(HttpStatusCode.Unauthorized, "Unauthorized", message, null);

    public static IResult InternalError(string error, string? name) =>
        Failure(HttpStatusCode.InternalServerError, "InternalError", KubeVirtMessages.InternalError(error), name);

    public static IResult Success() => Results.Text(Serialize(new StatusBody("Success", null, null, null, StatusCodes.Status200OK)), JsonContentType);

    public static string Serialize(StatusBody status) => JsonSerializer.Serialize(status, StatusBodyJsonContext.Default.StatusBody);

    private static IResult Failure(HttpStatusCode code, string reason, string message, string? name)
    {
        var details = name is null ? null : new StatusBodyDetails(name, KubeVirtGroup.Name, VirtualMachineInstance.KubePluralName);
        return Results.Text(Serialize(new StatusBody("Failure", message, reason, details, (int)code)), JsonContentType, statusCode: (int)code);
    }
}
