namespace VmLifecycle.KubectlPlugin.Cli;

/// <summary>How a flag takes its value, as pflag distinguishes them.</summary>
internal enum FlagKind
{
    /// <summary>A switch: <c>--force</c>, <c>--force=true</c> or <c>--force=false</c>.</summary>
    Boolean,

    /// <summary>A value in the next argument or after '=': <c>-n ns</c>, <c>--namespace=ns</c>, <c>-nns</c>.</summary>
    Value,

    /// <summary>A value only after '=', a default without it: <c>--wait</c> or <c>--wait=2m</c>.</summary>
    OptionalValue,
}
