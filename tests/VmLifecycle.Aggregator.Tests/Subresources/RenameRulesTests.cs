using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Aggregator.Subresources;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.Subresources;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;
using static VmLifecycle.Aggregator.Tests.TestSupport.Objects;

namespace VmLifecycle.Aggregator.Tests.Subresources;

public sealed class RenameRulesTests
{
    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Missing_new_name_is_400_please_provide(string? newName)
    {
        var failure = RenameRules.ValidateOptions(VmName, new RenameOptions { NewName = newName! });

        Assert.Equal(400, failure!.Code);
        Assert.Equal(KubeVirtMessages.RenameNewNameMissing, failure.Message);
    }

    [Fact]
    public void Same_name_is_400()
    {
        var failure = RenameRules.ValidateOptions(VmName, new RenameOptions { NewName = VmName });

        Assert.Equal(400, failure!.Code);
        Assert.Equal(KubeVirtMessages.RenameToSameName, failure.Message);
    }

    [Theory]
    [InlineData("My-VM")]
    [InlineData("new_name")]
    [InlineData("-new")]
    [InlineData("new.")]
    [InlineData("a..b")]
    public void New_name_that_is_not_a_DNS_1123_subdomain_is_400(string newName)
    {
        var failure = RenameRules.ValidateOptions(VmName, new RenameOptions { NewName = newName });

        Assert.Equal(400, failure!.Code);
        Assert.Equal(AggregatorMessages.InvalidNewName(newName, AggregatorMessages.Dns1123SubdomainFormat), failure.Message);
    }

    [Fact]
    public void New_name_longer_than_253_characters_is_400()
    {
        var newName = new string('a', 254);

        var failure = RenameRules.ValidateOptions(VmName, new RenameOptions { NewName = newName });

        Assert.Equal(AggregatorMessages.InvalidNewName(newName, AggregatorMessages.Dns1123SubdomainTooLong), failure!.Message);
    }

    [Theory]
    [InlineData("new-name")]
    [InlineData("vm.example.com")]
    [InlineData("0")]
    public void Valid_new_names_pass(string newName)
    {
        Assert.Null(RenameRules.ValidateOptions(VmName, new RenameOptions { NewName = newName }));
    }

    [Theory]
    [InlineData(RunStrategy.Always)]
    [InlineData(RunStrategy.Manual)]
    [InlineData(RunStrategy.RerunOnFailure)]
    [InlineData(RunStrategy.Once)]
    public void Running_vm_that_is_not_Halted_is_400_renaming_a_running_VM(RunStrategy runStrategy)
    {
        var failure = RenameRules.ValidateState(Vm(runStrategy), Vmi(VirtualMachineInstancePhase.Running), null);

        Assert.Equal(400, failure!.Code);
        Assert.Equal("BadRequest", failure.Reason);
        Assert.Equal(KubeVirtMessages.RenameRunningVmNotAllowed, failure.Message);
    }

    [Fact]
    public void Halted_vm_may_be_renamed_even_while_its_vmi_shuts_down()
    {
        Assert.Null(RenameRules.ValidateState(Vm(RunStrategy.Halted), Vmi(VirtualMachineInstancePhase.Running), null));
    }

    [Theory]
    [InlineData(RunStrategy.Always, VirtualMachineInstancePhase.Succeeded)]
    [InlineData(RunStrategy.Manual, VirtualMachineInstancePhase.Failed)]
    public void Stopped_vm_may_be_renamed_whatever_its_run_strategy(RunStrategy runStrategy, VirtualMachineInstancePhase phase)
    {
        Assert.Null(RenameRules.ValidateState(Vm(runStrategy), Vmi(phase), null));
        Assert.Null(RenameRules.ValidateState(Vm(runStrategy), null, null));
    }

    [Fact]
    public void Existing_target_is_409()
    {
        var failure = RenameRules.ValidateState(Vm(RunStrategy.Halted), null, Vm(RunStrategy.Halted, name: "new-name"));

        Assert.Equal(409, failure!.Code);
        Assert.Equal(KubeVirtMessages.Conflict(VirtualMachine.KubeSingularName, VmName, KubeVirtMessages.RenameTargetExists), failure.Message);
    }

    [Fact]
    public void Renamed_vm_carries_spec_labels_and_annotations_but_no_identity()
    {
        var vm = Vm(RunStrategy.Halted).WithPrintableStatus(PrintableStatus.Stopped);

        var renamed = RenameRules.Renamed(vm, "new-name");

        Assert.Equal("new-name", renamed.Metadata.Name);
        Assert.Equal(Namespace, renamed.Metadata.NamespaceProperty);
        Assert.Equal("demo", renamed.Metadata.Labels!["app"]);
        Assert.Equal("kept", renamed.Metadata.Annotations!["note"]);
        Assert.Same(vm.Spec, renamed.Spec);
        Assert.Null(renamed.Metadata.Uid);
        Assert.Null(renamed.Metadata.ResourceVersion);
        Assert.Null(renamed.Status);
    }
}
