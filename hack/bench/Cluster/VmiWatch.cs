using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace VmLifecycle.Bench.Cluster;

/// <summary>
/// Watches the bench namespace's VMIs and stamps (Stopwatch timestamps, taken when the event line arrives) the first
/// time each VMI is seen, and in each phase, and when it is gone. Re-lists and re-watches when the stream ends.
/// </summary>
internal sealed class VmiWatch : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly string _collectionPath;
    private readonly ConcurrentDictionary<string, Tracked> _vmis = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _listed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _loop;

    public VmiWatch(HttpClient client, string collectionPath)
    {
        _client = client;
        _collectionPath = collectionPath;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => LoopAsync(_stop.Token), CancellationToken.None);
        await _listed.Task.WaitAsync(cancellationToken);
    }

    /// <summary>When the VMI was first seen with phase Running.</summary>
    public Task<long> RunningAsync(string name, TimeSpan timeout) =>
        Get(name).Running.Task.WaitAsync(timeout);

    public Task GoneAsync(string name, TimeSpan timeout) => Get(name).Gone.Task.WaitAsync(timeout);

    /// <summary>First-seen timestamps by phase ("" = the first event of the VMI).</summary>
    public IReadOnlyDictionary<string, long> PhasesOf(string name) => Get(name).Phases;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
    }

    private Tracked Get(string name) => _vmis.GetOrAdd(name, _ => new Tracked());

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var resourceVersion = await ListAsync(cancellationToken);
                _listed.TrySetResult();
                await WatchAsync(resourceVersion, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or JsonException or InvalidOperationException)
            {
                await Console.Error.WriteLineAsync($"bench: VMI watch: {e.Message}; watching again");
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    private async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        using var response = await _client.GetAsync(new Uri(_collectionPath, UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        using var list = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        var now = Stopwatch.GetTimestamp();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list.RootElement.GetProperty("items").EnumerateArray())
        {
            present.Add(Observe(item, now));
        }

        foreach (var (name, tracked) in _vmis)
        {
            if (!present.Contains(name) && tracked.Phases.ContainsKey(""))
            {
                tracked.Gone.TrySetResult();
            }
        }

        return list.RootElement.GetProperty("metadata").GetProperty("resourceVersion").GetString() ?? "";
    }

    private async Task WatchAsync(string resourceVersion, CancellationToken cancellationToken)
    {
        var uri = new Uri($"{_collectionPath}?watch=true&resourceVersion={resourceVersion}", UriKind.Relative);
        using var response = await _client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var now = Stopwatch.GetTimestamp();
            if (line.Length == 0)
            {
                continue;
            }

            using var watchEvent = JsonDocument.Parse(line);
            var type = watchEvent.RootElement.GetProperty("type").GetString();
            var item = watchEvent.RootElement.GetProperty("object");
            if (type == "ERROR")
            {
                return;
            }

            var name = Observe(item, now);
            if (type == "DELETED")
            {
                Get(name).Gone.TrySetResult();
            }
        }
    }

    private string Observe(JsonElement vmi, long now)
    {
        var name = vmi.GetProperty("metadata").GetProperty("name").GetString() ?? "";
        var tracked = Get(name);
        tracked.Phases.TryAdd("", now);
        if (vmi.TryGetProperty("status", out var status) && status.TryGetProperty("phase", out var phaseElement)
            && phaseElement.GetString() is { Length: > 0 } phase)
        {
            tracked.Phases.TryAdd(phase, now);
            if (phase == "Running")
            {
                tracked.Running.TrySetResult(now);
            }
        }

        return name;
    }

    private sealed class Tracked
    {
        public ConcurrentDictionary<string, long> Phases { get; } = new(StringComparer.Ordinal);

        public TaskCompletionSource<long> Running { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Gone { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
