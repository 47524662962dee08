namespace VmLifecycle.ChartRender.Templates;

/// <summary>
/// Template variables: a declaration lives until the <c>end</c> of the control structure that holds it (or the end of
/// the template); an assignment changes the nearest declared variable of that name.
/// </summary>
internal sealed class VariableScope(VariableScope? parent)
{
    private readonly Dictionary<string, object?> _variables = new(StringComparer.Ordinal);

    public VariableScope Child() => new(this);

    public void Declare(string name, object? value) => _variables[name] = value;

    public void Assign(string name, object? value)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._variables.ContainsKey(name))
            {
                scope._variables[name] = value;
                return;
            }
        }

        throw new TemplateException($"undefined variable: {name}");
    }

    public object? Get(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._variables.TryGetValue(name, out var value))
            {
                return value;
            }
        }

        throw new TemplateException($"undefined variable: {name}");
    }

    private VariableScope? Parent => parent;
}
