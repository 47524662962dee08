using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using k8s;
using k8s.Autorest;
using VmLifecycle.Api;
using VmLifecycle.Api.VirtualMachineInstances;

namespace VmLifecycle.Handler.Kubernetes;

/// <summary>
/// <see cref="IVirtualMachineInstanceStore"/> on the API server through KubernetesClient: LIST, then WATCH from the
/// list's resourceVersion (with bookmarks), resume the watch from the last seen resourceVersion when it ends, and
/// relist when the server answers 410 Gone. VMIs of every namespace are watched and the caller filters by
/// status.nodeName (a CRD cannot be field-selected on status).
/// </summary>
internal sealed partial class KubernetesVmiStore(IKubernetes client, TimeProvider time, ILogger<KubernetesVmiStore> logger) : IVirtualMachineInstanceStore
{
    private const string Group = KubeVirtGroup.Name;
    private const string Version = KubeVirtGroup.Version;
    private const string Plural = VirtualMachineInstance.KubePluralName;
    private static readonly TimeSpan _retryDelay = TimeSpan.FromSeconds(1);

    // The resourceVersion of the last write of each VMI, by namespace/name (see IsOwnWrite).
    private readonly ConcurrentDictionary<string, string> _ownWrites = new(StringComparer.Ordinal);
    private readonly RecentVmis _recent = new();

    public async IAsyncEnumerable<VmiWatchEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? resourceVersion = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (resourceVersion is null)
            {
                VirtualMachineInstanceList? list = null;
                try
                {
                    list = await client.CustomObjects.ListClusterCustomObjectAsync<VirtualMachineInstanceList>(Group, Version, Plural, cancellationToken: cancellationToken);
                }
                catch (Exception e) when (e is HttpOperationException or HttpRequestException or KubernetesException)
                {
                    LogListFailed(logger, e);
                }

                if (list is null)
                {
                    await Task.Delay(_retryDelay, time, cancellationToken);
                    continue;
                }

                resourceVersion = list.Metadata?.ResourceVersion ?? "";
                _recent.Relisted(list.Items ?? []);
                yield return new VmiSnapshot([.. list.Items ?? []]);
            }

            var gone = false;
            Exception? streamError = null;
            var watch = VmiWatchStream.OpenAsync(client, resourceVersion, e => streamError = e, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    VmiChange? change;
                    try
                    {
                        if (!await watch.MoveNextAsync())
                        {
                            break;
                        }

                        (var type, var vmi) = watch.Current;
                        var version = vmi.Metadata?.ResourceVersion;
                        if (!string.IsNullOrEmpty(version))
                        {
                            resourceVersion = version;
                        }

                        if (type == WatchEventType.Deleted && vmi.Metadata is not null)
                        {
                            _ownWrites.TryRemove(OwnWriteKey(vmi.Metadata.NamespaceProperty, vmi.Metadata.Name), out _);
                            _recent.Removed(vmi.Metadata.NamespaceProperty, vmi.Metadata.Name);
                        }
                        else if (type is WatchEventType.Added or WatchEventType.Modified && vmi.Metadata is not null)
                        {
                            _recent.Observed(vmi);
                        }

                        change = type == WatchEventType.Bookmark ? null : new VmiChange(type, vmi);
                    }
                    catch (Exception e) when (IsGone(e))
                    {
                        gone = true;
                        break;
                    }
                    catch (Exception e) when (e is HttpOperationException or HttpRequestException or KubernetesException or IOException)
                    {
                        LogWatchFailed(logger, e);
                        await Task.Delay(_retryDelay, time, cancellationToken);
                        break;
                    }

                    if (change is not null)
                    {
                        yield return change;
                    }
                }
            }
            finally
            {
                await watch.DisposeAsync();
            }

            if (streamError is not null && IsGone(streamError))
            {
                gone = true;
            }
            else if (streamError is not null)
            {
                LogWatchFailed(logger, streamError);
                await Task.Delay(_retryDelay, time, cancellationToken);
            }

            if (gone)
            {
                LogRelist(logger);
                resourceVersion = null;
            }
        }
    }

    public async Task<VirtualMachineInstance?> GetAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.CustomObjects.GetNamespacedCustomObjectAsync<VirtualMachineInstance>(Group, Version, @namespace, Plural, name, cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task<VirtualMachineInstance> UpdateAsync(VirtualMachineInstance vmi, CancellationToken cancellationToken) =>
        Optimistic(() => client.CustomObjects.ReplaceNamespacedCustomObjectAsync<VirtualMachineInstance>(
            vmi, Group, Version, vmi.Metadata.NamespaceProperty, Plural, vmi.Metadata.Name, cancellationToken: cancellationToken));

    public Task<VirtualMachineInstance> UpdateStatusAsync(VirtualMachineInstance vmi, CancellationToken cancellationToken) =>
        Optimistic(() => client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync<VirtualMachineInstance>(
            vmi, Group, Version, vmi.Metadata.NamespaceProperty, Plural, vmi.Metadata.Name, cancellationToken: cancellationToken));

    public VirtualMachineInstance? GetRecent(string @namespace, string name) => _recent.Get(@namespace, name);

    public bool IsOwnWrite(string @namespace, string name, string resourceVersion) =>
        resourceVersion.Length > 0 && _ownWrites.TryGetValue(OwnWriteKey(@namespace, name), out var written) && written == resourceVersion;

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            _ = await client.Version.GetCodeAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static string OwnWriteKey(string @namespace, string name) => $"{@namespace}/{name}";

    private async Task<VirtualMachineInstance> Optimistic(Func<Task<VirtualMachineInstance>> call)
    {
        try
        {
            var written = await call();
            if (written.Metadata?.ResourceVersion is { Length: > 0 } version)
            {
                _ownWrites[OwnWriteKey(written.Metadata.NamespaceProperty, written.Metadata.Name)] = version;
                _recent.Written(written);
            }

            return written;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound)
        {
            throw new VmiConflictException(e.Response.Content ?? e.Message, e);
        }
    }

    private static bool IsGone(Exception e) =>
        e is KubernetesException { Status.Code: (int)HttpStatusCode.Gone }
        || e is HttpOperationException { Response.StatusCode: HttpStatusCode.Gone };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing VirtualMachineInstances failed; retrying")]
    private static partial void LogListFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching VirtualMachineInstances failed; resuming")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The VirtualMachineInstance watch expired (410 Gone); listing again")]
    private static partial void LogRelist(ILogger logger);
}
