namespace VmLifecycle.Handler.Nodes;

/// <summary>Writes labels and annotations of a Node, creating the Node when it does not exist.</summary>
internal interface INodeMetadataStore
{
    Task ApplyAsync(string node, IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> annotations, CancellationToken cancellationToken);
}
