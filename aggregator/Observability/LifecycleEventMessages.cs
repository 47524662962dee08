namespace VmLifecycle.Aggregator.Observability;

/// <summary>Reasons and messages of the Events the subresources record; every message names the requesting user.</summary>
internal static class LifecycleEventMessages
{
    public const string StartRequested = "StartRequested";
    public const string StopRequested = "StopRequested";
    public const string ForceStopRequested = "ForceStopRequested";
    public const string RestartRequested = "RestartRequested";
    public const string ForceRestartRequested = "ForceRestartRequested";
    public const string Renamed = "Renamed";
    public const string PauseRequested = "PauseRequested";
    public const string UnpauseRequested = "UnpauseRequested";

    public static string Requested(string action, string user) => $"{action} requested by user \"{user}\"";

    public static string RenamedFrom(string oldName, string newName, string user) =>
        $"Renamed from \"{oldName}\" to \"{newName}\" by user \"{user}\"";
}
