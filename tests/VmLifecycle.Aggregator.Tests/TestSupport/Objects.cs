using System.Text.Json;
using k8s.Models;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Tests.TestSupport;

/// <summary>VirtualMachines and VirtualMachineInstances in the states the rules care about.</summary>
internal static class Objects
{
    public const string Namespace = "default";
    public const string VmName = "my-vm";
    public const string VmiUid = "vmi-uid-1";

    public static VirtualMachine Vm(RunStrategy? runStrategy = RunStrategy.Halted, bool? running = null, string name = VmName) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = Namespace,
            Uid = "vm-uid-1",
            ResourceVersion = "42",
            Labels = new Dictionary<string, string> { ["app"] = "demo" },
            Annotations = new Dictionary<string, string> { ["note"] = "kept" },
        },
        Spec = new VirtualMachineSpec { RunStrategy = runStrategy, Running = running },
    };

    public static VirtualMachine WithRequests(this VirtualMachine vm, params StateChangeRequest[] requests)
    {
        vm.Status ??= new VirtualMachineStatus();
        vm.Status.StateChangeRequests = requests;
        return vm;
    }

    public static VirtualMachine WithPrintableStatus(this VirtualMachine vm, PrintableStatus status)
    {
        vm.Status ??= new VirtualMachineStatus();
        vm.Status.PrintableStatus = status;
        return vm;
    }

    public static VirtualMachineInstance Vmi(VirtualMachineInstancePhase? phase, string name = VmName, long? gracePeriod = 30, string? node = "node-1") => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = Namespace,
            Uid = VmiUid,
            OwnerReferences = [new V1OwnerReference { ApiVersion = "kubevirt.io/v1", Kind = "VirtualMachine", Name = name, Uid = "vm-uid-1" }],
        },
        Spec = new VirtualMachineInstanceSpec { TerminationGracePeriodSeconds = gracePeriod },
        Status = new VirtualMachineInstanceStatus { Phase = phase, NodeName = node },
    };

    public static VirtualMachineInstance Paused(this VirtualMachineInstance vmi)
    {
        vmi.Status ??= new VirtualMachineInstanceStatus();
        vmi.Status.Conditions = [new VirtualMachineInstanceCondition
        {
            Type = ConditionTypes.Paused, Status = ConditionStatus.True, Reason = ConditionReasons.PausedByUser, Message = KubeVirtMessages.PausedByUser,
        }];
        return vmi;
    }

    public static VirtualMachineInstance WithLivenessProbe(this VirtualMachineInstance vmi, string probeJson)
    {
        vmi.Spec.LivenessProbe = JsonDocument.Parse(probeJson).RootElement.Clone();
        return vmi;
    }

    public static V1Node Node(string name, string? endpoint) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            Annotations = endpoint is null ? null : new Dictionary<string, string> { [Annotations.HandlerEndpoint] = endpoint },
        },
    };
}
