using VmLifecycle.ChartRender.Charts;
using VmLifecycle.TestSupport.Repository;
using YamlDotNet.Serialization;

namespace VmLifecycle.ChartRender.Tests.TestSupport;

/// <summary>The repository's chart rendered as release "vm-lifecycle" in namespace "vm-lifecycle", each manifest parsed.</summary>
internal sealed class RenderedChart
{
    public const string Namespace = "vm-lifecycle";

    private RenderedChart(IReadOnlyList<Manifest> manifests)
    {
        Manifests = manifests;
    }

    public IReadOnlyList<Manifest> Manifests { get; }

    public static RenderedChart Render(Action<ReleaseOptions>? configure = null)
    {
        var options = new ReleaseOptions { Name = "vm-lifecycle", Namespace = Namespace };
        configure?.Invoke(options);
        var deserializer = new DeserializerBuilder().Build();
        var manifests = ChartRenderer.Render(ChartDirectory, options, TimeProvider.System)
            .Select(rendered => new Manifest(rendered.Source, deserializer.Deserialize<Dictionary<object, object?>>(rendered.Content)))
            .ToList();
        return new RenderedChart(manifests);
    }

    public static string ChartDirectory => Path.Combine(RepositoryRoot.Path, "charts", "vm-lifecycle");

    public Manifest Single(string kind, string name) =>
        Manifests.Single(manifest => manifest.Kind == kind && manifest.Name == name);

    public IEnumerable<Manifest> OfKind(string kind) => Manifests.Where(manifest => manifest.Kind == kind);
}
