using System.Net;
using k8s.Autorest;
using VmLifecycle.Api.Serialization;

namespace VmLifecycle.Aggregator.Kubernetes;

/// <summary>Turns KubernetesClient's exceptions into <see cref="KubernetesApiException"/> with the API server's Status.</summary>
internal static class KubernetesErrors
{
    public static KubernetesApiException From(HttpOperationException exception)
    {
        var code = (int)(exception.Response?.StatusCode ?? HttpStatusCode.InternalServerError);
        var content = exception.Response?.Content ?? "";
        if (StatusJson.TryRead(content) is { } status && (status.Message is not null || status.Reason is not null))
        {
            return new KubernetesApiException(status.Code ?? code, status.Reason ?? "", status.Message ?? content, exception)
            {
                Causes = status.Details?.Causes?.Select(cause => cause.Message).OfType<string>().Where(message => message.Length > 0).ToArray() ?? [],
            };
        }

        return new KubernetesApiException(code, "", content.Length > 0 ? content : exception.Message, exception);
    }

    /// <summary>Runs <paramref name="call"/>, translating API errors; a 404 becomes null.</summary>
    public static async Task<T?> OrNullWhenNotFoundAsync<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (HttpOperationException e)
        {
            throw From(e);
        }
    }

    public static async Task<T> TranslateAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (HttpOperationException e)
        {
            throw From(e);
        }
    }
}
