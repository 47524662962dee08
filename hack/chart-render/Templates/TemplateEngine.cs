using System.Text;

namespace VmLifecycle.ChartRender.Templates;

/// <summary>
/// A set of templates sharing their <c>define</c>s, as helm loads a chart: every file is parsed first, then any can be
/// rendered with a data object (the chart's top-level object: Values, Release, Chart, Template).
/// </summary>
internal sealed class TemplateEngine
{
    private const int MaxIncludeDepth = 1000;

    private readonly Dictionary<string, IReadOnlyList<TemplateNode>> _defines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<TemplateNode>> _files = new(StringComparer.Ordinal);
    private readonly TemplateFunctions _functions;
    private int _depth;

    public TemplateEngine(TemplateFunctions functions)
    {
        _functions = functions;
    }

    public void Add(string name, string text) => _files[name] = TemplateParser.Parse(text, name, _defines);

    public string Render(string name, object? data)
    {
        var nodes = _files.TryGetValue(name, out var file) ? file : throw new TemplateException($"no template \"{name}\"");
        return Execute(nodes, data, name);
    }

    /// <summary><c>include</c> and <c>template</c>: a defined template run with its own <c>$</c>.</summary>
    public string Include(string name, object? data)
    {
        var nodes = _defines.TryGetValue(name, out var defined) ? defined : throw new TemplateException($"no template \"{name}\" associated with template");
        if (++_depth > MaxIncludeDepth)
        {
            throw new TemplateException($"rendering template has a nested reference name: {name}");
        }

        try
        {
            return Execute(nodes, data, name);
        }
        finally
        {
            _depth--;
        }
    }

    private string Execute(IReadOnlyList<TemplateNode> nodes, object? data, string name)
    {
        var scope = new VariableScope(null);
        scope.Declare("$", data);
        var output = new StringBuilder();
        new TemplateExecution(this, _functions, name, output).Run(nodes, data, scope);
        return output.ToString();
    }
}
