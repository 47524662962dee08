namespace VmLifecycle.Api.Conventions;

/// <summary>Keys and values of a state change request's data map.</summary>
public static class StateChangeRequestData
{
    /// <summary>Key of a Start request that starts the guest paused (KubeVirt's StartRequestDataPausedKey).</summary>
    public const string PausedKey = "paused";

    /// <summary>Value of <see cref="PausedKey"/> that requests a paused start (KubeVirt's StartRequestDataPausedTrue).</summary>
    public const string PausedTrue = "true";
}
