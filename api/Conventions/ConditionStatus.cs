namespace VmLifecycle.Api.Conventions;

/// <summary>Values of a condition's status, as in every Kubernetes condition.</summary>
public static class ConditionStatus
{
    /// <summary>The condition holds.</summary>
    public const string True = "True";

    /// <summary>The condition does not hold.</summary>
    public const string False = "False";

    /// <summary>Whether the condition holds cannot be determined.</summary>
    public const string Unknown = "Unknown";
}
