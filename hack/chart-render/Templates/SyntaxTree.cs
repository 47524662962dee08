namespace VmLifecycle.ChartRender.Templates;

// The parsed form of a template: text, actions and the pipelines inside them (text/template's parse tree, reduced to
// what the chart uses).

internal abstract record TemplateNode;

internal sealed record TextNode(string Text) : TemplateNode;

/// <summary><c>{{ pipeline }}</c>; a pipeline with a declaration or assignment prints nothing.</summary>
internal sealed record OutputNode(Pipeline Pipeline) : TemplateNode;

/// <summary><c>if</c>, <c>with</c> and <c>range</c>: <c>else if</c> is an <see cref="BranchNode"/> alone in the else list.</summary>
internal sealed record BranchNode(BranchKind Kind, Pipeline Pipeline, IReadOnlyList<TemplateNode> Body, IReadOnlyList<TemplateNode> Else)
    : TemplateNode;

internal enum BranchKind
{
    If,
    With,
    Range,
}

/// <summary><c>{{ template "name" pipeline }}</c>.</summary>
internal sealed record TemplateCallNode(string Name, Pipeline? Argument) : TemplateNode;

/// <summary>
/// Commands separated by <c>|</c>; the result of each is the last argument of the next. <see cref="Variables"/> is set
/// for <c>$x := ...</c> (declaration) and <c>$x = ...</c> (assignment); range may declare two.
/// </summary>
internal sealed record Pipeline(IReadOnlyList<string> Variables, bool IsAssignment, IReadOnlyList<Command> Commands);

internal sealed record Command(IReadOnlyList<Operand> Arguments);

internal abstract record Operand;

/// <summary><c>.</c> or <c>.A.B</c>.</summary>
internal sealed record DotOperand(IReadOnlyList<string> Fields) : Operand;

/// <summary><c>$</c>, <c>$x</c> or <c>$x.A.B</c>.</summary>
internal sealed record VariableOperand(string Name, IReadOnlyList<string> Fields) : Operand;

/// <summary>A function name.</summary>
internal sealed record FunctionOperand(string Name) : Operand;

internal sealed record LiteralOperand(object? Value) : Operand;

/// <summary><c>( pipeline )</c>, optionally followed by fields: <c>(index . 0).Cert</c>.</summary>
internal sealed record NestedOperand(Pipeline Pipeline, IReadOnlyList<string> Fields) : Operand;
