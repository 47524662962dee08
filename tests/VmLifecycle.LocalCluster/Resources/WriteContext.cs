using VmLifecycle.LocalCluster.Security;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>The options of one write request and the warnings it produced (sent as <c>Warning</c> headers).</summary>
internal sealed class WriteContext
{
    public bool DryRun { get; init; }

    public FieldValidationDirective FieldValidation { get; init; } = FieldValidationDirective.Strict;

    public UserInfo? User { get; init; }

    public List<string> Warnings { get; } = [];

    public static WriteContext Internal { get; } = new() { FieldValidation = FieldValidationDirective.Ignore };
}
