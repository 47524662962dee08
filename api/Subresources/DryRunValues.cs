namespace VmLifecycle.Api.Subresources;

/// <summary>Values of the dryRun list in subresource option bodies.</summary>
public static class DryRunValues
{
    /// <summary>The only valid value: validate the request, change nothing (metav1.DryRunAll).</summary>
    public const string All = "All";
}
