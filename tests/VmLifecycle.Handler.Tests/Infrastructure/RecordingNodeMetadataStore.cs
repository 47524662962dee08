using VmLifecycle.Handler.Nodes;

namespace VmLifecycle.Handler.Tests.Infrastructure;

/// <summary>Records the Node metadata the handler writes, merged as a merge patch would.</summary>
internal sealed class RecordingNodeMetadataStore : INodeMetadataStore
{
    private readonly Lock _gate = new();

    public List<(string Node, Dictionary<string, string> Labels, Dictionary<string, string> Annotations)> Writes { get; } = [];

    public Dictionary<string, string> Labels { get; } = [];

    public Dictionary<string, string> Annotations { get; } = [];

    public Task ApplyAsync(string node, IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> annotations, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Writes.Add((node, labels.ToDictionary(), annotations.ToDictionary()));
            foreach (var (key, value) in labels)
            {
                Labels[key] = value;
            }

            foreach (var (key, value) in annotations)
            {
                Annotations[key] = value;
            }
        }

        return Task.CompletedTask;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return Writes.Count;
            }
        }
    }
}
