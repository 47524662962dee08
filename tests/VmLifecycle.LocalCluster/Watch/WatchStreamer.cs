using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Resources;
using VmLifecycle.LocalCluster.Serving;
using VmLifecycle.LocalCluster.Storage;
using VmLifecycle.LocalCluster.Tables;

namespace VmLifecycle.LocalCluster.Watch;

/// <summary>
/// Serves <c>?watch=true</c>: a chunked stream of <c>{"type":...,"object":...}</c> lines, one flush per event,
/// with kube-apiserver's resourceVersion semantics (410 Expired as an ERROR event when too old), selector
/// transitions (an object leaving the selection is DELETED for the watcher), bookmarks and timeoutSeconds.
/// </summary>
internal sealed class WatchStreamer(
    ObjectStore store,
    WatchEventEncoder encoder,
    TableConverter tables,
    TimeProvider time,
    IOptions<LocalClusterOptions> options,
    IHostApplicationLifetime lifetime)
{
    private const string InitialEventsEndAnnotation = "k8s.io/initial-events-end";

    public async Task StreamAsync(HttpContext context, WatchRequest request, CancellationToken cancellationToken)
    {
        StoreSubscription subscription;
        var response = context.Response;
        try
        {
            subscription = store.Subscribe(request.Definition.StorageKey, request.AfterResourceVersion);
        }
        catch (ResourceVersionTooOldException tooOld)
        {
            StartStream(response);
            await WriteEventAsync(response, "ERROR", ApiStatus.Expired(tooOld.Message).Status, cancellationToken);
            return;
        }

        using (subscription)
        {
            using var timeout = request.Timeout is { } limit ? new CancellationTokenSource(limit, time) : new CancellationTokenSource();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token, lifetime.ApplicationStopping);
            var token = linked.Token;
            StartStream(response);
            await response.Body.FlushAsync(cancellationToken);
            var lastVersion = subscription.StartResourceVersion;
            try
            {
                foreach (var initial in subscription.Initial)
                {
                    await SendAsync(response, request, initial, token);
                    lastVersion = Math.Max(lastVersion, initial.ResourceVersion);
                }

                if (request.SendInitialEvents && request.AllowBookmarks)
                {
                    await WriteEventAsync(response, "BOOKMARK", Bookmark(request.Definition, lastVersion, initialEventsEnd: true), token);
                }

                var pendingRead = subscription.Live.WaitToReadAsync(token).AsTask();
                while (!token.IsCancellationRequested)
                {
                    var bookmarkDue = request.AllowBookmarks ? Task.Delay(options.Value.BookmarkInterval, time, token) : Task.Delay(Timeout.Infinite, token);
                    var completed = await Task.WhenAny(pendingRead, bookmarkDue);
                    if (completed == pendingRead)
                    {
                        if (!await pendingRead)
                        {
                            break;
                        }

                        while (subscription.Live.TryRead(out var change))
                        {
                            await SendAsync(response, request, change, token);
                            lastVersion = change.ResourceVersion;
                        }

                        pendingRead = subscription.Live.WaitToReadAsync(token).AsTask();
                    }
                    else if (!token.IsCancellationRequested)
                    {
                        await WriteEventAsync(response, "BOOKMARK", Bookmark(request.Definition, Math.Max(lastVersion, store.ResourceVersion), initialEventsEnd: false), token);
                    }
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Timeout reached, client gone or server stopping: the stream simply ends (clients re-watch).
            }
        }
    }

    private static void StartStream(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.Headers.CacheControl = "no-cache, private";
    }

    private async Task SendAsync(HttpResponse response, WatchRequest request, StoreEvent change, CancellationToken cancellationToken)
    {
        if (request.Namespace is { Length: > 0 } ns && request.Definition.Namespaced && change.Key.Namespace != ns)
        {
            return;
        }

        var matchesNow = request.Filter.Matches(change.Object);
        var type = change.Type switch
        {
            WatchEventType.Added => matchesNow ? "ADDED" : null,
            WatchEventType.Deleted => matchesNow ? "DELETED" : null,
            _ => (change.Previous is not null && request.Filter.Matches(change.Previous), matchesNow) switch
            {
                (true, true) => "MODIFIED",
                (false, true) => "ADDED",
                (true, false) => "DELETED",
                _ => null,
            },
        };
        if (type is null)
        {
            return;
        }

        byte[] frame;
        if (request.AsTable is { } include)
        {
            var obj = ObjectVersioning.ForVersion(request.Definition, change.Object);
            frame = WatchFrames.Compose(type, tables.Convert(request.Definition, [obj], ObjectMeta.ResourceVersion(obj), include));
        }
        else
        {
            // Serialised once per event and version, whatever the number of watchers.
            frame = encoder.Frame(type, request.Definition, change);
        }

        await WriteFrameAsync(response, frame, cancellationToken);
    }

    private static JsonObject Bookmark(ResourceDefinition definition, long resourceVersion, bool initialEventsEnd)
    {
        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) };
        if (initialEventsEnd)
        {
            metadata["annotations"] = new JsonObject { [InitialEventsEndAnnotation] = "true" };
        }

        return new JsonObject { ["kind"] = definition.Kind, ["apiVersion"] = definition.GroupVersion, ["metadata"] = metadata };
    }

    private static Task WriteEventAsync(HttpResponse response, string type, JsonNode payload, CancellationToken cancellationToken) =>
        WriteFrameAsync(response, WatchFrames.Compose(type, payload), cancellationToken);

    private static async Task WriteFrameAsync(HttpResponse response, byte[] frame, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(frame, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
