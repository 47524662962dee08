using System.Globalization;
using System.Text;

namespace VmLifecycle.ChartRender.Templates;

/// <summary>
/// Parses the inside of an action into a <see cref="Pipeline"/>: declarations (<c>$x :=</c>, <c>$i, $v :=</c>),
/// assignments (<c>$x =</c>), commands separated by <c>|</c>, fields, variables, function names, string, number, bool
/// and nil literals, and parenthesized pipelines.
/// </summary>
internal sealed class PipelineParser
{
    private readonly string _source;
    private readonly string _location;
    private int _position;

    private PipelineParser(string source, string location)
    {
        _source = source;
        _location = location;
    }

    public static Pipeline Parse(string source, string location)
    {
        var parser = new PipelineParser(source, location);
        var pipeline = parser.ParsePipeline(allowDeclaration: true);
        parser.SkipSpaces();
        if (parser._position < source.Length)
        {
            throw parser.Error($"unexpected \"{source[parser._position..]}\"");
        }

        return pipeline;
    }

    private Pipeline ParsePipeline(bool allowDeclaration)
    {
        var variables = new List<string>();
        var isAssignment = false;
        if (allowDeclaration)
        {
            (variables, isAssignment) = ParseDeclaration();
        }

        var commands = new List<Command>();
        while (true)
        {
            commands.Add(ParseCommand());
            SkipSpaces();
            if (Peek() != '|')
            {
                break;
            }

            _position++;
        }

        return new Pipeline(variables, isAssignment, commands);
    }

    private (List<string> Variables, bool IsAssignment) ParseDeclaration()
    {
        var start = _position;
        var variables = new List<string>();
        while (true)
        {
            SkipSpaces();
            if (Peek() != '$')
            {
                break;
            }

            var name = ReadWord();
            if (name.Contains('.', StringComparison.Ordinal))
            {
                break;
            }

            variables.Add(name);
            SkipSpaces();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }

            if (Peek() == ':' && PeekAt(1) == '=')
            {
                _position += 2;
                return (variables, false);
            }

            if (Peek() == '=' && PeekAt(1) != '=')
            {
                _position += 1;
                return (variables, true);
            }

            break;
        }

        _position = start;
        return ([], false);
    }

    private Command ParseCommand()
    {
        var arguments = new List<Operand>();
        while (true)
        {
            SkipSpaces();
            var c = Peek();
            if (c is '\0' or '|' or ')')
            {
                break;
            }

            arguments.Add(ParseOperand());
        }

        return arguments.Count == 0 ? throw Error("missing command") : new Command(arguments);
    }

    private Operand ParseOperand()
    {
        var c = Peek();
        switch (c)
        {
            case '(':
            {
                _position++;
                var inner = ParsePipeline(allowDeclaration: false);
                SkipSpaces();
                if (Peek() != ')')
                {
                    throw Error("unclosed left paren");
                }

                _position++;
                var fields = Peek() == '.' ? SplitFields(ReadWord()) : [];
                return new NestedOperand(inner, fields);
            }

            case '"':
                return new LiteralOperand(ReadInterpretedString());
            case '`':
            {
                var end = _source.IndexOf('`', _position + 1);
                if (end < 0)
                {
                    throw Error("unterminated raw quoted string");
                }

                var raw = _source[(_position + 1)..end];
                _position = end + 1;
                return new LiteralOperand(raw);
            }

            case '.':
                return new DotOperand(SplitFields(ReadWord()));
            case '$':
            {
                var word = ReadWord();
                var dot = word.IndexOf('.', StringComparison.Ordinal);
                return dot < 0
                    ? new VariableOperand(word, [])
                    : new VariableOperand(word[..dot], SplitFields(word[dot..]));
            }

            default:
                return ParseWordOperand();
        }
    }

    private Operand ParseWordOperand()
    {
        var word = ReadWord();
        if (word.Length == 0)
        {
            throw Error($"unexpected \"{Peek()}\"");
        }

        if (word is "true" or "false")
        {
            return new LiteralOperand(word == "true");
        }

        if (word == "nil")
        {
            return new LiteralOperand(null);
        }

        if (char.IsDigit(word[0]) || (word.Length > 1 && word[0] is '-' or '+'))
        {
            if (long.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                return new LiteralOperand(integer);
            }

            if (double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
            {
                return new LiteralOperand(real);
            }

            throw Error($"bad number syntax: \"{word}\"");
        }

        return new FunctionOperand(word);
    }

    private string ReadInterpretedString()
    {
        var builder = new StringBuilder();
        _position++;
        while (_position < _source.Length && _source[_position] != '"')
        {
            var c = _source[_position++];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            var escaped = _position < _source.Length ? _source[_position++] : '\\';
            builder.Append(escaped switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                _ => escaped,
            });
        }

        if (_position >= _source.Length)
        {
            throw Error("unterminated quoted string");
        }

        _position++;
        return builder.ToString();
    }

    // A run of characters up to white space or one of the pipeline's punctuation marks.
    private string ReadWord()
    {
        var start = _position;
        while (_position < _source.Length && !char.IsWhiteSpace(_source[_position]) && _source[_position] is not ('(' or ')' or '|' or ',' or '"' or '`')
               && !(_source[_position] == ':' && PeekAt(1) == '=')
               && !(_source[_position] == '=' && _position > start))
        {
            _position++;
        }

        return _source[start.._position];
    }

    private static string[] SplitFields(string word) =>
        word.Split('.', StringSplitOptions.RemoveEmptyEntries);

    private void SkipSpaces()
    {
        while (_position < _source.Length && char.IsWhiteSpace(_source[_position]))
        {
            _position++;
        }
    }

    private char Peek() => _position < _source.Length ? _source[_position] : '\0';

    private char PeekAt(int offset) => _position + offset < _source.Length ? _source[_position + offset] : '\0';

    private TemplateException Error(string message) => new($"template: {_location}: {message} in \"{_source}\"");
}
