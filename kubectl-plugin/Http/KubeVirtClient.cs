using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using VmLifecycle.Api.Serialization;
using VmLifecycle.KubectlPlugin.Configuration;

namespace VmLifecycle.KubectlPlugin.Http;

/// <summary>
/// The plugin's requests to the API server, through <see cref="ClusterTransport"/> (CA, client certificate) and
/// <see cref="RequestDecoratingHandler"/> (KubernetesClient.Aot's credentials, impersonation). KubernetesClient.Aot has
/// no typed client for our resources and no watch, so requests, bodies (<see cref="ApiJson"/>) and the watch stream are
/// handled here.
/// </summary>
internal sealed class KubeVirtClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private readonly HttpClient _http;
    private readonly string _server;
    private readonly TimeSpan? _requestTimeout;

    private KubeVirtClient(HttpClient http, Uri server, string ns, TimeSpan? requestTimeout)
    {
        _http = http;
        _server = server.ToString().TrimEnd('/');
        Namespace = ns;
        _requestTimeout = requestTimeout;
    }

    public string Namespace { get; }

    public static KubeVirtClient Create(ResolvedClientConfiguration configuration)
    {
        var connection = configuration.Connection;
        if (!Uri.TryCreate(connection.Host, UriKind.Absolute, out var server))
        {
            throw new ConfigurationException($"invalid configuration: Bad server host URL `{connection.Host}` (cannot be parsed)");
        }

        SystemTrustStore.ApplyTo(connection);
        var decorator = new RequestDecoratingHandler(
            Kubernetes.CreateCredentials(connection), configuration.ImpersonateUser, configuration.ImpersonateGroups)
        {
            InnerHandler = ClusterTransport.CreateHandler(connection),
        };

        // No client-wide timeout: --request-timeout applies per request, and a watch runs as long as --wait.
        var http = new HttpClient(decorator) { Timeout = Timeout.InfiniteTimeSpan };
        if (!string.IsNullOrEmpty(connection.TlsServerName))
        {
            // kubectl sends tls-server-name as SNI and checks the server's certificate against it; SocketsHttpHandler takes
            // both from the Host header. (KubernetesClient's own pipeline ignored tls-server-name.)
            http.DefaultRequestHeaders.Host = connection.TlsServerName;
        }

        return new KubeVirtClient(http, server, configuration.Namespace, configuration.RequestTimeout);
    }

    /// <summary>PUTs <paramref name="body"/> to a subresource; throws <see cref="ApiException"/> on an error answer.</summary>
    public async Task PutSubresourceAsync<TOptions>(string plural, string name, string subresource, TOptions body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, Url(ApiPaths.Subresource(Namespace, plural, name, subresource)))
        {
            Content = new ByteArrayContent(ApiJson.SerializeToUtf8Bytes(body)) { Headers = { ContentType = JsonMediaType } },
        };
        await SendForTextAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GETs a kubevirt.io/v1 object; throws <see cref="ApiException"/> (404 included).</summary>
    public async Task<T> GetAsync<T>(string plural, string name, CancellationToken cancellationToken)
        where T : class
    {
        var json = await GetTextAsync(ApiPaths.Resource(Namespace, plural, name), cancellationToken).ConfigureAwait(false);
        return ApiJson.Deserialize<T>(json) ?? throw new JsonException($"the server returned null for {plural}/{name}");
    }

    /// <summary>GETs a kubevirt.io/v1 object, or null when it does not exist.</summary>
    public async Task<T?> GetOrNullAsync<T>(string plural, string name, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await GetAsync<T>(plural, name, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>Lists the objects named <paramref name="name"/> (zero or one), for a watch to start from the list's resourceVersion.</summary>
    public async Task<TList> ListByNameAsync<TList>(string plural, string name, CancellationToken cancellationToken)
        where TList : class
    {
        var json = await GetTextAsync(ApiPaths.NameSelected(Namespace, plural, name, null), cancellationToken).ConfigureAwait(false);
        return ApiJson.Deserialize<TList>(json) ?? throw new JsonException($"the server returned null for the list of {plural}");
    }

    /// <summary>GETs any path and returns the body text.</summary>
    public async Task<string> GetTextAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(path));
        return await SendForTextAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Watches the object named <paramref name="name"/> from <paramref name="resourceVersion"/>, until the server ends the stream.</summary>
    public async IAsyncEnumerable<WatchEvent> WatchAsync(
        string plural, string name, string resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(ApiPaths.NameSelected(Namespace, plural, name, resourceVersion)));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw StatusReader.ToException(response.StatusCode, body);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream);
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var type = root.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
                var obj = root.TryGetProperty("object", out var o) ? o.Clone() : default;
                yield return new WatchEvent(type, obj);
            }
        }
    }

    /// <summary>Reads a watch event's object as <typeparamref name="T"/>.</summary>
    public static T? Read<T>(WatchEvent watchEvent) => watchEvent.Object.Deserialize(ApiJson.TypeInfo<T>());

    private async Task<string> SendForTextAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_requestTimeout is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HttpRequestException($"{request.Method} {request.RequestUri}: context deadline exceeded (Client.Timeout exceeded while awaiting headers)");
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? body : throw StatusReader.ToException(response.StatusCode, body);
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The absolute URI of an API path; keeps a path prefix of the server URL (some proxies serve the API below one).</summary>
    private Uri Url(string path) => new(_server + path, UriKind.Absolute);
}
