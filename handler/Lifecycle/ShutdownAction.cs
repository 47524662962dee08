namespace VmLifecycle.Handler.Lifecycle;

/// <summary>What a graceful stop does next.</summary>
internal enum ShutdownAction
{
    /// <summary>Press the ACPI power button (again).</summary>
    PressPowerButton,

    /// <summary>Wait for the guest to power off.</summary>
    Wait,

    /// <summary>The grace period is over (or 0): destroy the domain.</summary>
    Destroy,
}

/// <summary>The next action and when to look again.</summary>
internal readonly record struct ShutdownStep(ShutdownAction Action, TimeSpan RecheckAfter);
