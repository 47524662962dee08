namespace VmLifecycle.LocalCluster.Resources;

/// <summary>
/// The names of objects created with metadata.generateName: the prefix and five random characters, as kube-apiserver
/// makes them. A service of its own so that a test can make generated names collide.
/// </summary>
internal class GeneratedNames
{
    public virtual string Next(string prefix) => ObjectNames.Generate(prefix);
}
