namespace VmLifecycle.LocalCluster.Resources;

/// <summary>The <c>fieldValidation</c> query parameter: what to do with unknown or duplicate fields.</summary>
internal enum FieldValidationDirective
{
    Strict,
    Warn,
    Ignore,
}
