namespace VmLifecycle.LocalCluster.Errors;

/// <summary>
/// One invalid field, as k8s.io/apimachinery's field.Error: <c>Field</c> is the dotted path,
/// <c>Reason</c> the StatusCause reason (FieldValueRequired, FieldValueNotSupported, ...),
/// <c>Message</c> the text after the path ("Required value", "Unsupported value: ...").
/// </summary>
public sealed record FieldError(string Field, string Reason, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
