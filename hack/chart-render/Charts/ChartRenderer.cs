using System.Text;
using System.Text.RegularExpressions;
using VmLifecycle.ChartRender.Templates;
using VmLifecycle.ChartRender.Values;

namespace VmLifecycle.ChartRender.Charts;

/// <summary>One manifest of the output: the template file it came from and its YAML document.</summary>
internal sealed record RenderedManifest(string Source, string Content);

/// <summary>
/// <c>helm template</c> for one chart: reads Chart.yaml and values.yaml, applies the release's values, parses every
/// file of templates/ (partials <c>_*.tpl</c> define, files ending in .yaml render) and splits the output into
/// documents, dropping empty ones. CRDs in crds/ are not rendered (helm installs them as they are).
/// </summary>
internal static partial class ChartRenderer
{
    public static IReadOnlyList<RenderedManifest> Render(string chartDirectory, ReleaseOptions release, TimeProvider time)
    {
        var chart = ValuesDocument.Parse(File.ReadAllText(Path.Combine(chartDirectory, "Chart.yaml")));
        var chartName = chart.GetValueOrDefault("name") as string ?? throw new InvalidDataException("Chart.yaml has no name");
        var values = ValuesDocument.Parse(ReadIfExists(Path.Combine(chartDirectory, "values.yaml")));
        release.ApplyTo(values);

        var engine = new TemplateEngine(new TemplateFunctions(new Certificates.CertificateGenerator(time)));
        var templatesDirectory = Path.Combine(chartDirectory, "templates");
        var files = Directory.GetFiles(templatesDirectory, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(chartDirectory, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var file in files)
        {
            engine.Add($"{chartName}/{file}", File.ReadAllText(Path.Combine(chartDirectory, file)));
        }

        var manifests = new List<RenderedManifest>();
        foreach (var file in files.Where(IsManifest))
        {
            if (release.ShowOnly.Count > 0 && !release.ShowOnly.Contains(file))
            {
                continue;
            }

            var name = $"{chartName}/{file}";
            var data = TopLevelObject(chart, values, release, name);
            foreach (var document in SplitDocuments(engine.Render(name, data)))
            {
                manifests.Add(new RenderedManifest(name, document));
            }
        }

        var missing = release.ShowOnly.Where(file => !files.Contains(file)).ToList();
        return missing.Count == 0
            ? manifests
            : throw new ArgumentException($"could not find template {missing[0]} in chart");
    }

    /// <summary>The manifests as helm template prints them.</summary>
    public static string Format(IEnumerable<RenderedManifest> manifests)
    {
        var builder = new StringBuilder();
        foreach (var manifest in manifests)
        {
            builder.Append("---\n# Source: ").Append(manifest.Source).Append('\n').Append(manifest.Content).Append('\n');
        }

        return builder.ToString();
    }

    private static bool IsManifest(string file) =>
        !Path.GetFileName(file).StartsWith('_') && (file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".yml", StringComparison.Ordinal));

    private static Dictionary<string, object?> TopLevelObject(Dictionary<string, object?> chart, Dictionary<string, object?> values, ReleaseOptions release, string template) =>
        new(StringComparer.Ordinal)
        {
            ["Values"] = values,
            ["Release"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["Name"] = release.Name,
                ["Namespace"] = release.Namespace,
                ["Service"] = "Helm",
                ["IsInstall"] = true,
                ["IsUpgrade"] = false,
                ["Revision"] = 1L,
            },
            ["Chart"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["Name"] = chart.GetValueOrDefault("name"),
                ["Version"] = chart.GetValueOrDefault("version"),
                ["AppVersion"] = chart.GetValueOrDefault("appVersion"),
                ["Description"] = chart.GetValueOrDefault("description"),
            },
            ["Template"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["Name"] = template,
                ["BasePath"] = template[..template.LastIndexOf('/')],
            },
        };

    private static IEnumerable<string> SplitDocuments(string output) =>
        DocumentSeparator().Split(output)
            .Select(document => document.Trim('\n', '\r'))
            .Where(document => document.Trim().Length > 0);

    private static string ReadIfExists(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    [GeneratedRegex(@"(?m)^---[ \t]*$")]
    private static partial Regex DocumentSeparator();
}
