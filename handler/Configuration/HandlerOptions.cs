namespace VmLifecycle.Handler.Configuration;

/// <summary>The handler's own settings: configuration section "Handler" (or --Handler:NodeName=... on the command line).</summary>
internal sealed class HandlerOptions
{
    public const string SectionName = "Handler";

    /// <summary>The Node this handler serves; VMIs whose status.nodeName equals it are run here. Required.</summary>
    public string NodeName { get; set; } = "";

    /// <summary>Per-VMI files (serial logs, overlays, seeds) live under {StateDirectory}/domains.</summary>
    public string StateDirectory { get; set; } = "/var/lib/vm-lifecycle/handler";

    /// <summary>Run guests under TCG even where KVM is usable.</summary>
    public bool ForceTcg { get; set; }

    /// <summary>How often every VMI and domain is reconciled even without events.</summary>
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the ACPI power button is pressed again during a graceful stop (KubeVirt: at most 5 s).</summary>
    public TimeSpan AcpiRetryInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How many VMIs are reconciled at the same time.</summary>
    public int Workers { get; set; } = 4;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(NodeName))
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(NodeName)} is required (the Node this handler serves).");
        }

        if (AcpiRetryInterval <= TimeSpan.Zero || AcpiRetryInterval > TimeSpan.FromSeconds(5))
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(AcpiRetryInterval)} must be between 0 and 5 seconds.");
        }
    }
}
