using VmLifecycle.Handler.Kubernetes;

namespace VmLifecycle.Handler.Tests.Infrastructure;

/// <summary>Secrets in memory, for the reconciler's cloud-init secret refs; values are copied in and out, as over the wire.</summary>
internal sealed class InMemorySecretStore : ISecretStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Namespace, string Name), Dictionary<string, byte[]>> _secrets = [];

    public int Reads { get; private set; }

    /// <summary>Creates or replaces the Secret with string values (as stringData would).</summary>
    public void Put(string @namespace, string name, IReadOnlyDictionary<string, string> data)
    {
        lock (_gate)
        {
            _secrets[(@namespace, name)] = data.ToDictionary(p => p.Key, p => System.Text.Encoding.UTF8.GetBytes(p.Value), StringComparer.Ordinal);
        }
    }

    public Task<IReadOnlyDictionary<string, byte[]>?> GetDataAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Reads++;
            return Task.FromResult<IReadOnlyDictionary<string, byte[]>?>(
                _secrets.TryGetValue((@namespace, name), out var data) ? data.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal) : null);
        }
    }
}
