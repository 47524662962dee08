using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Errors;

/// <summary>
/// The metav1.Status failures kube-apiserver answers, with its messages
/// (k8s.io/apimachinery/pkg/api/errors). Each factory returns the exception to throw.
/// </summary>
internal static class ApiStatus
{
    public static StatusException NotFound(string resource, string group, string name) =>
        Failure(404, "NotFound", $"{Qualified(resource, group)} \"{name}\" not found", Details(name, group, resource));

    public static StatusException AlreadyExists(string resource, string group, string name) =>
        Failure(409, "AlreadyExists", $"{Qualified(resource, group)} \"{name}\" already exists", Details(name, group, resource));

    public static StatusException Conflict(string resource, string group, string name, string detail) =>
        Failure(409, "Conflict", $"Operation cannot be fulfilled on {Qualified(resource, group)} \"{name}\": {detail}", Details(name, group, resource));

    public static StatusException ObjectModified(string resource, string group, string name) =>
        Conflict(resource, group, name, "the object has been modified; please apply your changes to the latest version and try again");

    public static StatusException Invalid(string kind, string group, string name, IReadOnlyList<FieldError> errors)
    {
        var qualifiedKind = string.IsNullOrEmpty(group) ? kind : $"{kind}.{group}";
        var messages = errors.Select(e => e.ToString()).Distinct().ToList();
        var aggregate = messages.Count == 1 ? messages[0] : "[" + string.Join(", ", messages) + "]";
        var details = Details(name, group, kind);
        var causes = new JsonArray();
        foreach (var error in errors)
        {
            causes.Add(new JsonObject { ["reason"] = error.Reason, ["message"] = error.Message, ["field"] = error.Field });
        }

        details["causes"] = causes;
        return Failure(422, "Invalid", $"{qualifiedKind} \"{name}\" is invalid: {aggregate}", details);
    }

    /// <summary>A 422 without a field path, as apimachinery's NewGenericServerResponse builds it (e.g. a failed JSON patch test).</summary>
    public static StatusException UnprocessableEntity(string cause) =>
        Failure(422, "Invalid", "the server rejected our request due to an error in our request",
            new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["message"] = cause }) });

    public static StatusException BadRequest(string message) => Failure(400, "BadRequest", message, null);

    public static StatusException Unauthorized(string message = "Unauthorized") => Failure(401, "Unauthorized", message, null);

    public static StatusException Forbidden(string resource, string group, string name, string message) =>
        Failure(403, "Forbidden", message, Details(name, group, resource));

    public static StatusException PathNotFound() => Failure(404, "NotFound", "the server could not find the requested resource", new JsonObject());

    public static StatusException MethodNotSupported(string resource, string group, string action) =>
        Failure(405, "MethodNotAllowed", $"{action} is not supported on resources of kind \"{Qualified(resource, group)}\"", Details("", group, resource));

    public static StatusException NotAcceptable(string message) => Failure(406, "NotAcceptable", message, null);

    public static StatusException UnsupportedMediaType(string contentType, IEnumerable<string> accepted) =>
        Failure(415, "UnsupportedMediaType",
            $"the body of the request was in an unknown format - accepted media types include: {string.Join(", ", accepted)}",
            new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["reason"] = "UnexpectedServerResponse", ["message"] = contentType }) });

    /// <summary>What kube-apiserver's timeout filter answers when a request overruns its deadline.</summary>
    public static StatusException Timeout() =>
        Failure(504, "Timeout", "Timeout: request did not complete within requested timeout - context deadline exceeded", new JsonObject());

    public static StatusException Expired(string message) => Failure(410, "Expired", message, null);

    public static StatusException InternalError(string message) =>
        Failure(500, "InternalError", $"Internal error occurred: {message}", new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["message"] = message }) });

    public static JsonObject Success(string resource, string group, string name, string? uid)
    {
        var details = Details(name, group, resource);
        if (uid is not null)
        {
            details["uid"] = uid;
        }

        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        };
    }

    private static string Qualified(string resource, string group) => string.IsNullOrEmpty(group) ? resource : $"{resource}.{group}";

    private static JsonObject Details(string name, string group, string kind)
    {
        var details = new JsonObject();
        if (!string.IsNullOrEmpty(name))
        {
            details["name"] = name;
        }

        if (!string.IsNullOrEmpty(group))
        {
            details["group"] = group;
        }

        if (!string.IsNullOrEmpty(kind))
        {
            details["kind"] = kind;
        }

        return details;
    }

    private static StatusException Failure(int code, string reason, string message, JsonObject? details)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (details is not null)
        {
            status["details"] = details;
        }

        status["code"] = code;
        return new StatusException(status);
    }
}
