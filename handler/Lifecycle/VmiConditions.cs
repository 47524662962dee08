using VmLifecycle.Api.VirtualMachineInstances;

namespace VmLifecycle.Handler.Lifecycle;

/// <summary>Sets and removes VMI conditions; lastTransitionTime changes only when the condition's status does.</summary>
internal static class VmiConditions
{
    public static VirtualMachineInstanceCondition? Find(VirtualMachineInstance vmi, string type) =>
        vmi.Status?.Conditions?.FirstOrDefault(c => c.Type == type);

    /// <summary>Sets the condition; returns whether anything changed.</summary>
    public static bool Set(VirtualMachineInstance vmi, string type, string status, string? reason, string? message, DateTimeOffset now)
    {
        var vmiStatus = vmi.Status ??= new VirtualMachineInstanceStatus();
        var conditions = vmiStatus.Conditions ??= [];
        var existing = conditions.FirstOrDefault(c => c.Type == type);
        if (existing is not null && existing.Status == status && existing.Reason == reason && existing.Message == message)
        {
            return false;
        }

        if (existing is null)
        {
            existing = new VirtualMachineInstanceCondition { Type = type };
            conditions.Add(existing);
        }

        if (existing.Status != status)
        {
            existing.LastTransitionTime = now.UtcDateTime;
        }

        existing.Status = status;
        existing.Reason = reason;
        existing.Message = message;
        existing.LastProbeTime = null;
        return true;
    }

    /// <summary>Removes the condition; returns whether it was there.</summary>
    public static bool Remove(VirtualMachineInstance vmi, string type)
    {
        var conditions = vmi.Status?.Conditions;
        if (conditions is null)
        {
            return false;
        }

        var removed = false;
        foreach (var condition in conditions.Where(c => c.Type == type).ToList())
        {
            removed |= conditions.Remove(condition);
        }

        return removed;
    }
}
