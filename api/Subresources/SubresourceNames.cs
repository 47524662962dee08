namespace VmLifecycle.Api.Subresources;

/// <summary>The lifecycle subresources served under subresources.kubevirt.io/v1, by the last path segment.</summary>
public static class SubresourceNames
{
    /// <summary>PUT virtualmachines/NAME/start with <see cref="StartOptions"/>.</summary>
    public const string Start = "start";

    /// <summary>PUT virtualmachines/NAME/stop with <see cref="StopOptions"/>.</summary>
    public const string Stop = "stop";

    /// <summary>PUT virtualmachines/NAME/restart with <see cref="RestartOptions"/>.</summary>
    public const string Restart = "restart";

    /// <summary>PUT virtualmachines/NAME/rename with <see cref="RenameOptions"/>.</summary>
    public const string Rename = "rename";

    /// <summary>PUT virtualmachineinstances/NAME/pause with <see cref="PauseOptions"/>.</summary>
    public const string Pause = "pause";

    /// <summary>PUT virtualmachineinstances/NAME/unpause with <see cref="UnpauseOptions"/>.</summary>
    public const string Unpause = "unpause";
}
