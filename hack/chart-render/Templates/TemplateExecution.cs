using System.Collections;
using System.Text;

namespace VmLifecycle.ChartRender.Templates;

/// <summary>Walks a template tree with a dot and variables and writes its output (text/template's exec).</summary>
internal sealed class TemplateExecution(TemplateEngine engine, TemplateFunctions functions, string name, StringBuilder output)
{
    private static readonly object NoPipedValue = new();

    public void Run(IReadOnlyList<TemplateNode> nodes, object? dot, VariableScope scope)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    output.Append(text.Text);
                    break;
                case OutputNode action:
                    var value = Evaluate(action.Pipeline, dot, scope, bindVariables: true);
                    if (action.Pipeline.Variables.Count == 0)
                    {
                        output.Append(GoValues.Print(value));
                    }

                    break;
                case BranchNode branch:
                    RunBranch(branch, dot, scope);
                    break;
                case TemplateCallNode call:
                    var data = call.Argument is null ? null : Evaluate(call.Argument, dot, scope, bindVariables: false);
                    output.Append(engine.Include(call.Name, data));
                    break;
                default:
                    throw new TemplateException($"template: {name}: unknown node {node.GetType().Name}");
            }
        }
    }

    private void RunBranch(BranchNode branch, object? dot, VariableScope scope)
    {
        var inner = scope.Child();
        if (branch.Kind == BranchKind.Range)
        {
            RunRange(branch, dot, inner);
            return;
        }

        var value = Evaluate(branch.Pipeline, dot, inner, bindVariables: true);
        if (GoValues.IsTrue(value))
        {
            Run(branch.Body, branch.Kind == BranchKind.With ? value : dot, inner);
        }
        else
        {
            Run(branch.Else, dot, scope.Child());
        }
    }

    private void RunRange(BranchNode branch, object? dot, VariableScope scope)
    {
        var value = Evaluate(branch.Pipeline, dot, scope, bindVariables: false);
        IEnumerable<(object? Key, object? Item)> items = value switch
        {
            null => [],
            IDictionary<string, object?> map => map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => ((object?)p.Key, p.Value)),
            string => throw new TemplateException($"template: {name}: range can't iterate over {value}"),
            IEnumerable list => list.Cast<object?>().Select((item, index) => ((object?)(long)index, item)),
            long count => Enumerable.Range(0, (int)count).Select(i => ((object?)(long)i, (object?)(long)i)),
            _ => throw new TemplateException($"template: {name}: range can't iterate over {value}"),
        };

        var any = false;
        foreach (var (key, item) in items)
        {
            any = true;
            var iteration = scope.Child();
            var variables = branch.Pipeline.Variables;
            if (variables.Count == 1)
            {
                iteration.Declare(variables[0], item);
            }
            else if (variables.Count == 2)
            {
                iteration.Declare(variables[0], key);
                iteration.Declare(variables[1], item);
            }

            Run(branch.Body, item, iteration);
        }

        if (!any)
        {
            Run(branch.Else, dot, scope.Child());
        }
    }

    private object? Evaluate(Pipeline pipeline, object? dot, VariableScope scope, bool bindVariables)
    {
        var value = NoPipedValue;
        foreach (var command in pipeline.Commands)
        {
            value = EvaluateCommand(command, dot, scope, value);
        }

        var result = value == NoPipedValue ? null : value;
        if (bindVariables && pipeline.Variables.Count > 0)
        {
            if (pipeline.IsAssignment)
            {
                scope.Assign(pipeline.Variables[0], result);
            }
            else
            {
                scope.Declare(pipeline.Variables[0], result);
            }
        }

        return result;
    }

    private object? EvaluateCommand(Command command, object? dot, VariableScope scope, object? piped)
    {
        var first = command.Arguments[0];
        if (first is not FunctionOperand function)
        {
            return command.Arguments.Count > 1 || piped != NoPipedValue
                ? throw new TemplateException($"template: {name}: can't give argument to non-function {first}")
                : EvaluateOperand(first, dot, scope);
        }

        var operands = command.Arguments.Skip(1).ToList();
        if (function.Name is "and" or "or")
        {
            return EvaluateLogical(function.Name == "and", operands, dot, scope, piped);
        }

        var arguments = operands.Select(operand => EvaluateOperand(operand, dot, scope)).ToList();
        if (piped != NoPipedValue)
        {
            arguments.Add(piped);
        }

        try
        {
            return function.Name switch
            {
                "include" when arguments.Count == 2 => engine.Include(GoValues.Print(arguments[0]), arguments[1]),
                _ => functions.Call(function.Name, arguments),
            };
        }
        catch (TemplateException exception) when (!exception.Message.StartsWith("template:", StringComparison.Ordinal))
        {
            throw new TemplateException($"template: {name}: error calling {function.Name}: {exception.Message}", exception);
        }
    }

    // and/or stop at the first false/true argument and return that argument, as text/template does since Go 1.18.
    private object? EvaluateLogical(bool isAnd, List<Operand> operands, object? dot, VariableScope scope, object? piped)
    {
        object? value = null;
        var count = operands.Count + (piped != NoPipedValue ? 1 : 0);
        if (count == 0)
        {
            throw new TemplateException($"template: {name}: wrong number of args for {(isAnd ? "and" : "or")}");
        }

        for (var i = 0; i < count; i++)
        {
            value = i < operands.Count ? EvaluateOperand(operands[i], dot, scope) : piped;
            if (GoValues.IsTrue(value) != isAnd)
            {
                return value;
            }
        }

        return value;
    }

    private object? EvaluateOperand(Operand operand, object? dot, VariableScope scope) => operand switch
    {
        DotOperand field => Fields(dot, field.Fields),
        VariableOperand variable => Fields(scope.Get(variable.Name), variable.Fields),
        LiteralOperand literal => literal.Value,
        FunctionOperand function => functions.Call(function.Name, []),
        NestedOperand nested => Fields(Evaluate(nested.Pipeline, dot, scope, bindVariables: false), nested.Fields),
        _ => throw new TemplateException($"template: {name}: unknown operand {operand}"),
    };

    private object? Fields(object? value, IReadOnlyList<string> fields)
    {
        foreach (var field in fields)
        {
            value = value switch
            {
                IDictionary<string, object?> map => map.TryGetValue(field, out var found) ? found : null,
                null => throw new TemplateException($"template: {name}: nil pointer evaluating interface {{}}.{field}"),
                _ => throw new TemplateException($"template: {name}: can't evaluate field {field} in type {value.GetType().Name}"),
            };
        }

        return value;
    }
}
