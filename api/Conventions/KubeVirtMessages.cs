using System.Globalization;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Api.Conventions;

/// <summary>
/// Every message text of KubeVirt's lifecycle API that VmLifecycle reproduces, character for character (typos included:
/// clients match on these strings). The one place for them: components use these members and never repeat the text.
/// Formats mirror the Go formats they come from; resource arguments are singular resource names such as
/// <see cref="VirtualMachine.KubeSingularName"/>.
/// </summary>
public static class KubeVirtMessages
{
    // Status message formats of k8s.io/apimachinery's errors.New*, which KubeVirt uses for every error answer.

    /// <summary>The prefix of a 500 answer's message (errors.NewInternalError).</summary>
    public const string InternalErrorPrefix = "Internal error occurred: ";

    /// <summary>A 500 answer's message: <c>Internal error occurred: {error}</c>.</summary>
    /// <param name="error">The underlying error text.</param>
    public static string InternalError(string error) => InternalErrorPrefix + error;

    /// <summary>A 409 answer's message: <c>Operation cannot be fulfilled on {resource}.kubevirt.io "{name}": {message}</c>.</summary>
    /// <param name="resource">Singular resource name, for example virtualmachine.</param>
    /// <param name="name">The object's name.</param>
    /// <param name="message">The reason, for example <see cref="VmAlreadyRunning"/>.</param>
    public static string Conflict(string resource, string name, string message) =>
        $"Operation cannot be fulfilled on {resource}.{KubeVirtGroup.Name} \"{name}\": {message}";

    /// <summary>A 404 answer's message: <c>{resource}.kubevirt.io "{name}" not found</c>.</summary>
    /// <param name="resource">Singular resource name, for example virtualmachine.</param>
    /// <param name="name">The object's name.</param>
    public static string NotFound(string resource, string name) => $"{resource}.{KubeVirtGroup.Name} \"{name}\" not found";

    /// <summary>The 404 message for a missing VirtualMachine: <c>virtualmachine.kubevirt.io "{name}" not found</c>.</summary>
    /// <param name="name">The VirtualMachine's name.</param>
    public static string VirtualMachineNotFound(string name) => NotFound(VirtualMachine.KubeSingularName, name);

    /// <summary>The 404 message for a missing VirtualMachineInstance: <c>virtualmachineinstance.kubevirt.io "{name}" not found</c>.</summary>
    /// <param name="name">The VirtualMachineInstance's name.</param>
    public static string VirtualMachineInstanceNotFound(string name) => NotFound(VirtualMachineInstance.KubeSingularName, name);

    /// <summary>A 403 answer's message: <c>{resource}.kubevirt.io "{name}" is forbidden: {message}</c>.</summary>
    /// <param name="resource">Singular resource name, for example virtualmachineinstance.</param>
    /// <param name="name">The object's name.</param>
    /// <param name="message">The reason, for example <see cref="PauseWithLivenessProbeNotSupported"/>.</param>
    public static string Forbidden(string resource, string name, string message) =>
        $"{resource}.{KubeVirtGroup.Name} \"{name}\" is forbidden: {message}";

    // Request bodies (reference section 1).

    /// <summary>The prefix of the 400 message for an undecodable subresource body.</summary>
    public const string CannotUnmarshalBodyPrefix = "Can not unmarshal Request body to struct, error: ";

    /// <summary>The 400 message for an undecodable subresource body: <c>Can not unmarshal Request body to struct, error: {error}</c>.</summary>
    /// <param name="error">The decoder's error text.</param>
    public static string CannotUnmarshalBody(string error) => CannotUnmarshalBodyPrefix + error;

    /// <summary>400 for restart with gracePeriodSeconds greater than 0.</summary>
    public const string ForceRestartOnlyGracePeriodZero = "For force restart, only gracePeriod=0 is supported for now";

    /// <summary>400 for restart with a negative gracePeriodSeconds.</summary>
    public const string GracePeriodNotNegative = "gracePeriod has to be greater or equal to 0";

    /// <summary>
    /// The error text when the node's handler answers a pause or unpause with a non-2xx status; wrapped by
    /// <see cref="InternalError"/> into a 500: <c>unexpected return code {code} ({status}), message: {body}</c>.
    /// </summary>
    /// <param name="statusCode">The handler's HTTP status code, for example 500.</param>
    /// <param name="status">The status line as Go prints it, for example "500 Internal Server Error".</param>
    /// <param name="body">The handler's response body.</param>
    public static string UnexpectedHandlerReturnCode(int statusCode, string status, string body) =>
        string.Create(CultureInfo.InvariantCulture, $"unexpected return code {statusCode} ({status}), message: {body}");

    // Start, stop and restart (reference section 2).

    /// <summary>409 for start while a VirtualMachineInstance is running.</summary>
    public const string VmAlreadyRunning = "VM is already running";

    /// <summary>409 for start with runStrategy Always or Once: <c>{runStrategy} does not support manual start requests</c>.</summary>
    /// <param name="runStrategy">The VirtualMachine's run strategy.</param>
    public static string ManualStartNotSupported(RunStrategy runStrategy) => $"{runStrategy} does not support manual start requests";

    /// <summary>409 for start with runStrategy RerunOnFailure while the VirtualMachineInstance has failed.</summary>
    public const string RerunOnFailureCannotStartFromFailed = "RerunOnFailure does not support starting VM from failed state";

    /// <summary>The error text when another state change request is queued; a 500 via <see cref="InternalError"/>.</summary>
    public const string StopStartAlreadyUnderway = "unable to complete request: stop/start already underway";

    /// <summary>The text of a failed JSON-patch test (stateChangeRequests changed concurrently); the 409 carries the patch error, which contains it.</summary>
    public const string JsonPatchTestFailed = "jsonpatch test operation does not apply";

    /// <summary>409 for stop when nothing runs, and for pause when the VirtualMachineInstance is not Running (KubeVirt uses the VM text there too).</summary>
    public const string VmNotRunning = "VM is not running";

    /// <summary>409 for stop with runStrategy Halted without a grace period shorter than the current one.</summary>
    public const string HaltedStopNeedsShorterGracePeriod = "Halted only supports manual stop requests with a shorter graceperiod";

    /// <summary>
    /// 409 for restart with runStrategy Halted or Once: <c>RunStategy {runStrategy} does not support manual restart requests</c>
    /// ("RunStategy" is misspelled in KubeVirt's source, and kept).
    /// </summary>
    /// <param name="runStrategy">The VirtualMachine's run strategy.</param>
    public static string ManualRestartNotSupported(RunStrategy runStrategy) => $"RunStategy {runStrategy} does not support manual restart requests";

    /// <summary>409 for restart when no VirtualMachineInstance exists (KubeVirt always names Halted here).</summary>
    public const string VmNotRunningHalted = "VM is not running: Halted";

    // Pause and unpause (reference section 2).

    /// <summary>409 for pause when the Paused condition is already present.</summary>
    public const string VmiAlreadyPaused = "VMI is already paused";

    /// <summary>403 reason for pausing a VirtualMachineInstance with a liveness probe other than guestAgentPing (KubeVirt v1.9 and later).</summary>
    public const string PauseWithLivenessProbeNotSupported = "Pausing VMIs with a non-GuestAgentPing LivenessProbe is not supported";

    /// <summary>The same 403 reason as KubeVirt up to v1.8 words it, for any liveness probe.</summary>
    public const string PauseWithLivenessProbeNotSupportedLegacy = "Pausing VMIs with LivenessProbe is currently not supported";

    /// <summary>409 for unpause when the VirtualMachineInstance is not Running.</summary>
    public const string VmiNotRunning = "VMI is not running";

    /// <summary>409 for unpause when the VirtualMachineInstance has no Paused condition.</summary>
    public const string VmiNotPaused = "VMI is not paused";

    /// <summary>409 (on the VirtualMachine) for unpause while a snapshot of the VM is in progress.</summary>
    public const string VmSnapshotInProgress = "VM snapshot is in progress";

    /// <summary>409 for a soft reboot while the VirtualMachineInstance is paused.</summary>
    public const string VmiPaused = "VMI is paused";

    // Rename (KubeVirt v0.28 to v0.41; reference section 1 and 2).

    /// <summary>400 for rename while the VirtualMachine runs.</summary>
    public const string RenameRunningVmNotAllowed = "Renaming a running VM is not allowed";

    /// <summary>409 for rename while a rename is already pending.</summary>
    public const string VmAlreadyScheduledForRename = "VM is already scheduled to be renamed";

    /// <summary>400 for rename to the name of an existing VirtualMachine.</summary>
    public const string RenameTargetExists = "A VM with the new name already exists";

    /// <summary>400 for rename to the current name.</summary>
    public const string RenameToSameName = "The VM's new name cannot be identical to the current name";

    /// <summary>400 for rename without a new name.</summary>
    public const string RenameNewNameMissing = "Please provide a new name for the VM";

    // Validation and deprecation (reference section 3).

    /// <summary>The warning returned when a VirtualMachine sets the deprecated spec.running.</summary>
    public const string RunningDeprecated = "spec.running is deprecated, please use spec.runStrategy instead.";

    /// <summary>The validation message when a VirtualMachine sets both spec.running and spec.runStrategy.</summary>
    public const string RunningAndRunStrategyMutuallyExclusive =
        "Running and RunStrategy are mutually exclusive. Note that Running is deprecated, please use RunStrategy instead";

    /// <summary>The deprecation warning of KubeVirt's kubevirt.io/v1alpha3 (not served by VmLifecycle).</summary>
    public const string V1Alpha3Deprecated = "kubevirt.io/v1alpha3 is now deprecated and will be removed in a future release.";

    // Paused condition messages (reference section 3), paired with ConditionReasons.

    /// <summary>Message of the Paused condition with reason PausedByUser.</summary>
    public const string PausedByUser = "VMI was paused by user";

    /// <summary>Message of the Paused condition with reason PausedIOError.</summary>
    public const string PausedIOError = "VMI was paused, low-level IO error detected";

    /// <summary>Message of the Paused condition with reason PausedByMigrationMonitor.</summary>
    public const string PausedByMigrationMonitor = "VMI was paused by the migration monitor";

    // Events (reference section 4).

    /// <summary>Event message (reason SuccessfulCreate) when the VM controller creates the VMI: <c>Started the virtual machine by creating the new virtual machine instance {name}</c>.</summary>
    /// <param name="vmiName">The name of the created VirtualMachineInstance.</param>
    public static string StartedByCreatingInstance(string vmiName) => $"Started the virtual machine by creating the new virtual machine instance {vmiName}";

    /// <summary>Event message when the VirtualMachine controller stops a VM: <c>Stopped the virtual machine by deleting the virtual machine instance {uid}</c>.</summary>
    /// <param name="vmiUid">The UID of the deleted VirtualMachineInstance.</param>
    public static string StoppedByDeletingInstance(string vmiUid) => $"Stopped the virtual machine by deleting the virtual machine instance {vmiUid}";

    /// <summary>Event message (reason Paused) when the handler pauses a domain.</summary>
    public const string VmiPausedEvent = "VirtualMachineInstance paused";

    /// <summary>Event message (reason Unpaused) when the handler resumes a domain.</summary>
    public const string VmiUnpausedEvent = "VirtualMachineInstance unpaused";

    // virtctl output (reference section 5).

    /// <summary>virtctl's success line: <c>VM {name} was scheduled to {command}</c>, for example "VM my-vm was scheduled to start".</summary>
    /// <param name="name">The VirtualMachine's name.</param>
    /// <param name="command">The command: start, stop or restart.</param>
    public static string VmScheduledTo(string name, string command) => $"VM {name} was scheduled to {command}";

    /// <summary>virtctl's success line for pause and unpause: <c>VMI {name} was scheduled to {command}</c>.</summary>
    /// <param name="name">The VirtualMachineInstance's name.</param>
    /// <param name="command">The command: pause or unpause.</param>
    public static string VmiScheduledTo(string name, string command) => $"VMI {name} was scheduled to {command}";

    /// <summary>virtctl's error when only one of --force and --grace-period is given.</summary>
    public const string ForceNeedsGracePeriod = "Must both use --force=true and set --grace-period.";

    /// <summary>virtctl's error when start fails: <c>Error starting VirtualMachine {error}</c>.</summary>
    /// <param name="error">The server's message.</param>
    public static string VirtctlStartFailed(string error) => $"Error starting VirtualMachine {error}";

    /// <summary>virtctl's error when stop fails: <c>error stopping VirtualMachine {error}</c>.</summary>
    /// <param name="error">The server's message.</param>
    public static string VirtctlStopFailed(string error) => $"error stopping VirtualMachine {error}";

    /// <summary>virtctl's error when a force stop fails: <c>error force stopping VirtualMachine: {error}</c>.</summary>
    /// <param name="error">The server's message.</param>
    public static string VirtctlForceStopFailed(string error) => $"error force stopping VirtualMachine: {error}";

    /// <summary>virtctl's error when restart fails: <c>Error restarting VirtualMachine {error}</c>.</summary>
    /// <param name="error">The server's message.</param>
    public static string VirtctlRestartFailed(string error) => $"Error restarting VirtualMachine {error}";

    /// <summary>virtctl's error when a force restart fails: <c>Error restarting VirtualMachine, {error}</c>.</summary>
    /// <param name="error">The server's message.</param>
    public static string VirtctlForceRestartFailed(string error) => $"Error restarting VirtualMachine, {error}";

    /// <summary>virtctl v0.28 to v0.41's error when rename fails: <c>Error renaming VirtualMachine {error}</c>.</summary>
    /// <param name="error">The server's message.</param>
    public static string VirtctlRenameFailed(string error) => $"Error renaming VirtualMachine {error}";

    /// <summary>virtctl's error when pause or unpause cannot read the VirtualMachine: <c>Error getting VirtualMachine {name}: {error}</c>.</summary>
    /// <param name="name">The VirtualMachine's name.</param>
    /// <param name="error">The server's message.</param>
    public static string VirtctlGetVmFailed(string name, string error) => $"Error getting VirtualMachine {name}: {error}";

    /// <summary>virtctl's error when pause or unpause fails: <c>Error {pausing|unpausing} VirtualMachineInstance {name}: {error}</c>.</summary>
    /// <param name="gerund">"pausing" or "unpausing".</param>
    /// <param name="name">The VirtualMachineInstance's name.</param>
    /// <param name="error">The server's message.</param>
    public static string VirtctlPauseFailed(string gerund, string name, string error) => $"Error {gerund} VirtualMachineInstance {name}: {error}";

    /// <summary>
    /// virtctl's error for <c>pause vm</c> or <c>unpause vm</c> when the VirtualMachine is Halted:
    /// <c>Error {pausing|unpausing} VirtualMachineInstance {name}. VirtualMachine {name} is not set to run</c>.
    /// </summary>
    /// <param name="gerund">"pausing" or "unpausing".</param>
    /// <param name="name">The VirtualMachine's (and VirtualMachineInstance's) name.</param>
    public static string VirtctlVmNotSetToRun(string gerund, string name) =>
        $"Error {gerund} VirtualMachineInstance {name}. VirtualMachine {name} is not set to run";

    /// <summary>
    /// virtctl's error for <c>pause vm</c> or <c>unpause vm</c> when the VirtualMachineInstance does not exist:
    /// <c>Error {pausing|unpausing} VirtualMachineInstance {name}, it was not found</c>.
    /// </summary>
    /// <param name="gerund">"pausing" or "unpausing".</param>
    /// <param name="name">The VirtualMachineInstance's name.</param>
    public static string VirtctlVmiNotFound(string gerund, string name) => $"Error {gerund} VirtualMachineInstance {name}, it was not found";
}
