using k8s.Models;
using VmLifecycle.Aggregator.Controllers;
using VmLifecycle.Api;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;
using static VmLifecycle.Aggregator.Tests.Controllers.ControllerObjects;

namespace VmLifecycle.Aggregator.Tests.Controllers;

public sealed class VirtualMachineInstanceFactoryTests
{
    [Fact]
    public void The_vmi_is_the_template_with_the_vm_name_its_labels_and_annotations_and_a_controller_reference()
    {
        var vm = Vm(RunStrategy.Always);
        vm.Spec.Template = new VirtualMachineInstanceTemplateSpec
        {
            Metadata = new V1ObjectMeta
            {
                Name = "ignored",
                Labels = new Dictionary<string, string> { ["app"] = "web" },
                Annotations = new Dictionary<string, string> { ["note"] = "kept" },
            },
            Spec = new VirtualMachineInstanceSpec { TerminationGracePeriodSeconds = 5, NodeSelector = new Dictionary<string, string> { ["disk"] = "ssd" } },
        };

        var vmi = VirtualMachineInstanceFactory.Create(vm);

        Assert.Equal(("vm", "default"), (vmi.Metadata.Name, vmi.Metadata.NamespaceProperty));
        Assert.Equal("web", vmi.Metadata.Labels["app"]);
        Assert.Equal("kept", vmi.Metadata.Annotations["note"]);
        var owner = Assert.Single(vmi.Metadata.OwnerReferences);
        Assert.Equal((KubeVirtGroup.ApiVersion, VirtualMachine.KubeKind, "vm", "vm-uid", true, true),
            (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller, owner.BlockOwnerDeletion));
        Assert.Equal(5, vmi.Spec.TerminationGracePeriodSeconds);
        Assert.Equal("ssd", vmi.Spec.NodeSelector!["disk"]);
        Assert.Null(vmi.Spec.StartStrategy);
        Assert.NotSame(vm.Spec.Template.Spec, vmi.Spec);
    }

    [Theory]
    [InlineData("start-paused", StartStrategy.Paused)]
    [InlineData("start", null)]
    [InlineData("none", null)]
    public void A_paused_start_request_creates_the_vmi_paused(string request, StartStrategy? expected)
    {
        Assert.Equal(expected, VirtualMachineInstanceFactory.Create(Vm(RunStrategy.Manual, request)).Spec.StartStrategy);
    }

    [Fact]
    public void A_vmi_controlled_by_another_owner_is_not_the_vms()
    {
        var vmi = Vmi("Running")!;
        Assert.True(VirtualMachineInstanceFactory.IsControlledBy(vmi, Vm(RunStrategy.Always)));

        vmi.Metadata.OwnerReferences = [new V1OwnerReference { Uid = "other", Controller = true, Kind = VirtualMachine.KubeKind, Name = "vm", ApiVersion = KubeVirtGroup.ApiVersion }];

        Assert.False(VirtualMachineInstanceFactory.IsControlledBy(vmi, Vm(RunStrategy.Always)));
    }
}
