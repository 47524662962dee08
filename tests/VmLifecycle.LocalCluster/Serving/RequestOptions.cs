using Microsoft.Extensions.Primitives;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Resources;
using VmLifecycle.LocalCluster.Security;
using VmLifecycle.LocalCluster.Tables;

namespace VmLifecycle.LocalCluster.Serving;

/// <summary>The query parameters and headers that shape a resource request: dryRun, fieldValidation, Table output, warnings.</summary>
internal static class RequestOptions
{
    /// <summary>The options of a write; kube-apiserver's default fieldValidation is Warn (kubectl sends Strict).</summary>
    public static WriteContext WriteContextFor(HttpContext context)
    {
        var query = context.Request.Query;
        var directive = query["fieldValidation"].ToString() switch
        {
            "" or "Warn" => FieldValidationDirective.Warn,
            "Strict" => FieldValidationDirective.Strict,
            "Ignore" => FieldValidationDirective.Ignore,
            var other => throw ApiStatus.BadRequest($"fieldValidation must be one of Ignore, Warn or Strict, got {other}"),
        };
        var dryRun = query["dryRun"];
        if (dryRun.Any(v => v != "All"))
        {
            throw ApiStatus.BadRequest($"dryRun: Unsupported value: \"{dryRun}\": supported values: \"All\"");
        }

        return new WriteContext { DryRun = dryRun.Count > 0, FieldValidation = directive, User = context.GetUser() };
    }

    /// <summary>Whether the client asked for a meta.k8s.io Table (kubectl get), and what rows should carry.</summary>
    public static IncludeObjectPolicy? TablePolicy(HttpRequest request)
    {
        if (!request.Headers.Accept.ToString().Contains("as=Table", StringComparison.Ordinal))
        {
            return null;
        }

        return request.Query["includeObject"].ToString() switch
        {
            "Object" => IncludeObjectPolicy.Object,
            "None" => IncludeObjectPolicy.None,
            _ => IncludeObjectPolicy.Metadata,
        };
    }

    /// <summary>Sends the warnings of a write as kube-apiserver does: <c>Warning: 299 - "text"</c> headers.</summary>
    public static void AddWarnings(HttpResponse response, WriteContext? write)
    {
        if (write is not null && write.Warnings.Count > 0)
        {
            response.Headers.Append("Warning", new StringValues([.. write.Warnings.Select(w => $"299 - \"{w.Replace("\"", "\\\"", StringComparison.Ordinal)}\"")]));
        }
    }
}
