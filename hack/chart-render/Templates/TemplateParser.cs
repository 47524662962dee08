namespace VmLifecycle.ChartRender.Templates;

/// <summary>
/// Builds the tree of one template file from its segments: <c>if</c>/<c>else if</c>/<c>else</c>, <c>with</c>,
/// <c>range</c>, <c>end</c>, <c>define</c> (collected into the shared table of defines) and <c>template</c>.
/// </summary>
internal sealed class TemplateParser
{
    private readonly IReadOnlyList<Segment> _segments;
    private readonly string _name;
    private readonly Dictionary<string, IReadOnlyList<TemplateNode>> _defines;
    private int _index;

    private TemplateParser(IReadOnlyList<Segment> segments, string name, Dictionary<string, IReadOnlyList<TemplateNode>> defines)
    {
        _segments = segments;
        _name = name;
        _defines = defines;
    }

    public static IReadOnlyList<TemplateNode> Parse(string template, string name, Dictionary<string, IReadOnlyList<TemplateNode>> defines)
    {
        var parser = new TemplateParser(TemplateLexer.Split(template, name), name, defines);
        var (nodes, terminator) = parser.ParseList();
        return terminator is null ? nodes : throw parser.Error($"unexpected {{{{{terminator}}}}}");
    }

    // Parses until end of input (terminator null) or an "end"/"else ..." action, which it returns.
    private (List<TemplateNode> Nodes, string? Terminator) ParseList()
    {
        var nodes = new List<TemplateNode>();
        while (_index < _segments.Count)
        {
            var segment = _segments[_index++];
            if (!segment.IsAction)
            {
                nodes.Add(new TextNode(segment.Text));
                continue;
            }

            var (keyword, rest) = SplitKeyword(segment.Text);
            switch (keyword)
            {
                case "end":
                case "else":
                    return (nodes, segment.Text);
                case "if":
                    nodes.Add(ParseBranch(BranchKind.If, rest));
                    break;
                case "with":
                    nodes.Add(ParseBranch(BranchKind.With, rest));
                    break;
                case "range":
                    nodes.Add(ParseBranch(BranchKind.Range, rest));
                    break;
                case "define":
                    ParseDefine(rest);
                    break;
                case "template":
                    nodes.Add(ParseTemplateCall(rest));
                    break;
                case "block" or "break" or "continue":
                    throw Error($"{keyword} is not supported by chart-render");
                default:
                    nodes.Add(new OutputNode(PipelineParser.Parse(segment.Text, Location)));
                    break;
            }
        }

        return (nodes, null);
    }

    private BranchNode ParseBranch(BranchKind kind, string source)
    {
        var pipeline = PipelineParser.Parse(source, Location);
        var (body, terminator) = ParseList();
        IReadOnlyList<TemplateNode> elseNodes = [];
        switch (terminator)
        {
            case null:
                throw Error($"unexpected EOF in {kind.ToString().ToLowerInvariant()}");
            case "end":
                break;
            case "else":
                (elseNodes, terminator) = ParseList();
                if (terminator != "end")
                {
                    throw Error("expected end after else");
                }

                break;
            default:
                // "else if ..." (or "else with ...") opens a branch that shares this one's "end".
                var (_, chained) = SplitKeyword(terminator);
                var (chainedKeyword, chainedSource) = SplitKeyword(chained);
                var chainedKind = chainedKeyword switch
                {
                    "if" => BranchKind.If,
                    "with" => BranchKind.With,
                    _ => throw Error($"unexpected {{{{{terminator}}}}}"),
                };
                elseNodes = [ParseBranch(chainedKind, chainedSource)];
                break;
        }

        return new BranchNode(kind, pipeline, body, elseNodes);
    }

    private void ParseDefine(string source)
    {
        var name = ReadName(source);
        var (body, terminator) = ParseList();
        if (terminator != "end")
        {
            throw Error($"unexpected EOF in define \"{name}\"");
        }

        _defines[name] = body;
    }

    private TemplateCallNode ParseTemplateCall(string source)
    {
        var name = ReadName(source);
        var afterName = source.Trim()[(name.Length + 2)..].Trim();
        return new TemplateCallNode(name, afterName.Length == 0 ? null : PipelineParser.Parse(afterName, Location));
    }

    private string ReadName(string source)
    {
        var trimmed = source.Trim();
        var end = trimmed.Length > 1 && trimmed[0] == '"' ? trimmed.IndexOf('"', 1) : -1;
        return end > 0 ? trimmed[1..end] : throw Error($"expected a quoted template name in \"{source}\"");
    }

    private static (string Keyword, string Remainder) SplitKeyword(string action)
    {
        var space = action.IndexOfAny([' ', '\t', '\n', '\r']);
        return space < 0 ? (action, "") : (action[..space], action[(space + 1)..].Trim());
    }

    private string Location => $"{_name}:{(_index > 0 ? _segments[_index - 1].Line : 1)}";

    private TemplateException Error(string message) => new($"template: {Location}: {message}");
}
