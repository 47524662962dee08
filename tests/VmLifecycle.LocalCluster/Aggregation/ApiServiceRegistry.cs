using System.Collections.Immutable;
using System.Net;
using System.Threading.Channels;
using k8s;
using k8s.Models;
using VmLifecycle.LocalCluster.Aggregation.Transport;

namespace VmLifecycle.LocalCluster.Aggregation;

/// <summary>
/// The APIServices the aggregation layer knows, each with its backend. A changed spec gets a new backend
/// (kube-aggregator rebuilds its transport on every APIService change) and wakes the availability monitor.
/// </summary>
internal sealed class ApiServiceRegistry(AggregationOptions options, TimeProvider timeProvider)
{
    private readonly Lock _lock = new();
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private ImmutableDictionary<string, ApiServiceBackend> _backends = ImmutableDictionary<string, ApiServiceBackend>.Empty;

    /// <summary>Signalled when an APIService is added, removed or its spec changed.</summary>
    public ChannelReader<bool> Changes => _changes.Reader;

    public IReadOnlyCollection<ApiServiceBackend> Backends => [.. _backends.Values];

    public void SetApiServices(IEnumerable<V1APIService> apiServices)
    {
        ArgumentNullException.ThrowIfNull(apiServices);
        var changed = false;
        var retired = new List<BackendHttpClient>();
        lock (_lock)
        {
            var next = ImmutableDictionary.CreateBuilder<string, ApiServiceBackend>(StringComparer.Ordinal);
            foreach (var apiService in apiServices.Where(a => a.Metadata?.Name is not null && a.Spec is not null))
            {
                var fingerprint = KubernetesJson.Serialize(apiService.Spec);
                if (_backends.TryGetValue(apiService.Metadata.Name, out var existing) && existing.SpecFingerprint == fingerprint)
                {
                    existing.ApiService = apiService;
                    next[existing.Name] = existing;
                    continue;
                }

                var backend = new ApiServiceBackend(apiService, CreateClient(apiService), fingerprint);
                if (existing is not null)
                {
                    backend.InheritCondition(existing);
                    if (existing.Client is { } replaced)
                    {
                        retired.Add(replaced);
                    }
                }

                next[backend.Name] = backend;
                changed = true;
            }

            foreach (var removed in _backends.Values.Where(b => !next.ContainsKey(b.Name)))
            {
                changed = true;
                if (removed.Client is { } client)
                {
                    retired.Add(client);
                }
            }

            _backends = next.ToImmutable();
        }

        // Their kept-alive connections close now; requests still in flight finish on theirs.
        foreach (var client in retired)
        {
            _ = client.DisposeAsync().AsTask();
        }

        if (changed)
        {
            _changes.Writer.TryWrite(true);
        }
    }

    public ApiServiceBackend? Find(string group, string version) =>
        _backends.Values.FirstOrDefault(b => b.ApiService.Spec.Group == group && b.ApiService.Spec.Version == version);

    private BackendHttpClient? CreateClient(V1APIService apiService)
    {
        var service = apiService.Spec.Service;
        if (service is null || !options.BackendAddresses.TryGetValue($"{service.NamespaceProperty}/{service.Name}", out var address))
        {
            return null;
        }

        var uri = new Uri(address, UriKind.Absolute);
        var serverName = $"{service.Name}.{service.NamespaceProperty}.svc";
        var validation = new BackendCertificateValidation(
            BackendCertificateValidation.ParseCaBundle(apiService.Spec.CaBundle),
            serverName,
            IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip : null,
            apiService.Spec.InsecureSkipTLSVerify == true,
            timeProvider);
        return new BackendHttpClient(uri, serverName, options.FrontProxyClientCertificate, validation);
    }
}
