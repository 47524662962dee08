using System.Text.Json.Nodes;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;
using VmLifecycle.Api.Volumes;

namespace VmLifecycle.Api.Tests.Serialization;

public sealed class RoundTripTests
{
    [Theory]
    [InlineData(Serializer.KubernetesJson)]
    [InlineData(Serializer.ApiJsonContext)]
    public void A_KubeVirt_VirtualMachine_survives_a_round_trip_unchanged(Serializer serializer)
    {
        var vm = serializer.Read<VirtualMachine>(TestDocuments.VirtualMachine);

        JsonAssert.Equivalent(TestDocuments.VirtualMachine, serializer.Write(vm));
    }

    [Theory]
    [InlineData(Serializer.KubernetesJson)]
    [InlineData(Serializer.ApiJsonContext)]
    public void A_KubeVirt_VirtualMachineInstance_survives_a_round_trip_unchanged(Serializer serializer)
    {
        var vmi = serializer.Read<VirtualMachineInstance>(TestDocuments.VirtualMachineInstance);

        JsonAssert.Equivalent(TestDocuments.VirtualMachineInstance, serializer.Write(vmi));
    }

    [Theory]
    [InlineData(Serializer.KubernetesJson)]
    [InlineData(Serializer.ApiJsonContext)]
    public void A_list_of_both_kinds_survives_a_round_trip_unchanged(Serializer serializer)
    {
        var vmList = $$"""{"apiVersion":"kubevirt.io/v1","kind":"VirtualMachineList","metadata":{"resourceVersion":"9000","continue":"abc"},"items":[{{TestDocuments.VirtualMachine}}]}""";
        var vmiList = $$"""{"apiVersion":"kubevirt.io/v1","kind":"VirtualMachineInstanceList","metadata":{"resourceVersion":"9001"},"items":[{{TestDocuments.VirtualMachineInstance}}]}""";

        JsonAssert.Equivalent(vmList, serializer.Write(serializer.Read<VirtualMachineList>(vmList)));
        JsonAssert.Equivalent(vmiList, serializer.Write(serializer.Read<VirtualMachineInstanceList>(vmiList)));
    }

    [Theory]
    [InlineData(Serializer.KubernetesJson)]
    [InlineData(Serializer.ApiJsonContext)]
    public void Modelled_fields_are_read_into_their_properties(Serializer serializer)
    {
        var vm = serializer.Read<VirtualMachine>(TestDocuments.VirtualMachine);
        var vmi = serializer.Read<VirtualMachineInstance>(TestDocuments.VirtualMachineInstance);

        Assert.Equal(RunStrategy.Always, vm.Spec.RunStrategy);
        Assert.Equal(PrintableStatus.Paused, vm.Status?.PrintableStatus);
        Assert.Equal(
            [(StateChangeRequestAction.Stop, (string?)"0b0f4f7c-4f7e-4c3a-a1e9-bc7d1c1d2a90"), (StateChangeRequestAction.Start, null)],
            vm.Status!.StateChangeRequests!.Select(request => (request.Action, request.Uid)));
        Assert.Equal(StateChangeRequestData.PausedTrue, vm.Status.StateChangeRequests![1].Data![StateChangeRequestData.PausedKey]);
        var paused = Assert.Single(vm.Status.Conditions!, condition => condition.Type == ConditionTypes.Paused);
        Assert.Equal((ConditionStatus.True, ConditionReasons.PausedByUser, KubeVirtMessages.PausedByUser), (paused.Status, paused.Reason, paused.Message));
        Assert.Equal(new DateTime(2026, 11, 27, 10, 5, 0, DateTimeKind.Utc), paused.LastTransitionTime);
        Assert.Equal(
            (1, (string?)"0b0f4f7c-4f7e-4c3a-a1e9-bc7d1c1d2a90", (DateTime?)new DateTime(2026, 11, 27, 10, 1, 0, DateTimeKind.Utc)),
            (vm.Status.StartFailure!.ConsecutiveFailCount, vm.Status.StartFailure.LastFailedVMIUID, vm.Status.StartFailure.RetryAfterTimestamp));
        Assert.Equal("64Mi", vm.Spec.Template.Spec!.Domain.Resources!.Requests!["memory"].ToString());

        Assert.Equal(VirtualMachineInstancePhase.Running, vmi.Status?.Phase);
        Assert.Equal("node01", vmi.Status!.NodeName);
        Assert.Equal("10.244.0.12", vmi.Status.Interfaces![0].IpAddress);
        Assert.Equal(StartStrategy.Paused, vmi.Spec.StartStrategy);
        Assert.Equal(30, vmi.Spec.TerminationGracePeriodSeconds);
        Assert.Equal("/boot/vmlinuz", vmi.Spec.Domain.Firmware!.KernelBoot!.Container!.KernelPath);
        var rootDisk = vmi.Spec.Volumes!.Single(volume => volume.Name == "rootdisk").HostDisk!;
        Assert.Equal((HostDiskType.DiskOrCreate, "2Gi"), (rootDisk.Type, rootDisk.Capacity!.ToString()));
        Assert.Equal("1Gi", vmi.Spec.Volumes!.Single(volume => volume.Name == "scratch").EmptyDisk!.Capacity!.ToString());
        Assert.Equal("testvmi-userdata", vmi.Spec.Volumes!.Single(volume => volume.Name == "cloudinitdisk").CloudInitNoCloud!.SecretRef!.Name);
        Assert.Equal("closed", vmi.Spec.Domain.Devices.Disks!.Single(disk => disk.Name == "installer").Cdrom!.Tray);
    }

    [Theory]
    [InlineData(Serializer.KubernetesJson)]
    [InlineData(Serializer.ApiJsonContext)]
    public void Fields_that_are_not_modelled_are_kept_in_AdditionalProperties(Serializer serializer)
    {
        var vmi = serializer.Read<VirtualMachineInstance>(TestDocuments.VirtualMachineInstance);

        Assert.Contains("persistentVolumeClaim", vmi.Spec.Volumes!.Single(volume => volume.Name == "data").AdditionalProperties!.Keys);
        Assert.Contains("io", vmi.Spec.Domain.Devices.Disks![0].AdditionalProperties!.Keys);
        Assert.Contains("guestOSInfo", vmi.Status!.AdditionalProperties!.Keys);
        Assert.Contains("queueCount", vmi.Status.Interfaces![0].AdditionalProperties!.Keys);
    }

    [Theory]
    [InlineData(Serializer.KubernetesJson)]
    [InlineData(Serializer.ApiJsonContext)]
    public void A_VMI_built_from_a_VM_template_keeps_the_fields_VmLifecycle_does_not_model(Serializer serializer)
    {
        var vm = serializer.Read<VirtualMachine>(TestDocuments.VirtualMachine);

        // What the VM controller does: the template's spec becomes the new VMI's spec.
        var vmi = new VirtualMachineInstance { Spec = vm.Spec.Template.Spec! };
        vmi.Metadata.Name = vm.Metadata.Name;
        var spec = JsonNode.Parse(serializer.Write(vmi))!["spec"]!;

        Assert.NotNull(spec["networks"]![0]!["pod"]);
        Assert.Equal("02:42:ac:11:00:02", (string?)spec["domain"]!["devices"]!["interfaces"]![0]!["macAddress"]);
        Assert.Equal(300, (int?)spec["tolerations"]![0]!["tolerationSeconds"]);
        Assert.True((bool?)spec["domain"]!["features"]!["acpi"]!["enabled"]);
        Assert.Equal("none", (string?)spec["domain"]!["devices"]!["disks"]![1]!["cache"]);
    }
}
