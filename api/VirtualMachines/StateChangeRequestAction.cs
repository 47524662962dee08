using System.Text.Json.Serialization;

namespace VmLifecycle.Api.VirtualMachines;

/// <summary>What a state change request asks the VirtualMachine controller to do.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StateChangeRequestAction>))]
public enum StateChangeRequestAction
{
    /// <summary>Create a VirtualMachineInstance.</summary>
    Start,

    /// <summary>Delete the VirtualMachineInstance whose UID the request names.</summary>
    Stop,
}
