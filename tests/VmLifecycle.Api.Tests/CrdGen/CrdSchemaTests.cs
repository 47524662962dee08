using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;
using VmLifecycle.CrdGen;
using static VmLifecycle.Api.Tests.CrdGen.GeneratedCrd;

namespace VmLifecycle.Api.Tests.CrdGen;

public sealed class CrdSchemaTests
{
    private static readonly GeneratedCrd _vm = For<VirtualMachine>();
    private static readonly GeneratedCrd _vmi = For<VirtualMachineInstance>();

    [Fact]
    public void Both_CRDs_are_kubevirt_io_v1_served_stored_and_namespaced()
    {
        Assert.Equal(["virtualmachineinstances.kubevirt.io", "virtualmachines.kubevirt.io"], CrdGenerator.EntityTypes.Select(CrdGenerator.CrdName));
        foreach (var crd in new[] { _vm, _vmi })
        {
            Assert.Equal(("apiextensions.k8s.io/v1", "CustomResourceDefinition"), (crd.Root["apiVersion"], crd.Root["kind"]));
            Assert.Equal(("kubevirt.io", "Namespaced"), (crd.Spec["group"], crd.Spec["scope"]));
            Assert.Equal(("v1", "true", "true"), (crd.Version["name"], crd.Version["served"], crd.Version["storage"]));
        }
    }

    [Fact]
    public void Names_short_names_and_categories_are_KubeVirts()
    {
        Assert.Equal(("VirtualMachine", "VirtualMachineList", "virtualmachines", "virtualmachine"), (_vm.Names["kind"], _vm.Names["listKind"], _vm.Names["plural"], _vm.Names["singular"]));
        Assert.Equal(["vm", "vms"], Strings(_vm.Names["shortNames"]));
        Assert.Equal(["all"], Strings(_vm.Names["categories"]));

        Assert.Equal(("VirtualMachineInstance", "VirtualMachineInstanceList", "virtualmachineinstances", "virtualmachineinstance"), (_vmi.Names["kind"], _vmi.Names["listKind"], _vmi.Names["plural"], _vmi.Names["singular"]));
        Assert.Equal(["vmi", "vmis"], Strings(_vmi.Names["shortNames"]));
        Assert.Equal(["all"], Strings(_vmi.Names["categories"]));
    }

    [Fact]
    public void Both_CRDs_have_a_status_subresource()
    {
        Assert.Empty(Map(Map(_vm.Version["subresources"])["status"]));
        Assert.Empty(Map(Map(_vmi.Version["subresources"])["status"]));
    }

    [Fact]
    public void The_VM_printer_columns_are_KubeVirts()
    {
        Assert.Equal(
            [
                ("Age", "date", ".metadata.creationTimestamp", "0"),
                ("Status", "string", ".status.printableStatus", "0"),
                ("Ready", "string", ".status.conditions[?(@.type=='Ready')].status", "0"),
            ],
            Columns(_vm));
    }

    [Fact]
    public void The_VMI_printer_columns_are_KubeVirts()
    {
        Assert.Equal(
            [
                ("Age", "date", ".metadata.creationTimestamp", "0"),
                ("Phase", "string", ".status.phase", "0"),
                ("IP", "string", ".status.interfaces[0].ipAddress", "0"),
                ("NodeName", "string", ".status.nodeName", "0"),
                ("Ready", "string", ".status.conditions[?(@.type=='Ready')].status", "0"),
                ("Live-Migratable", "string", ".status.conditions[?(@.type=='LiveMigratable')].status", "1"),
                ("Paused", "string", ".status.conditions[?(@.type=='Paused')].status", "1"),
            ],
            Columns(_vmi));
    }

    [Fact]
    public void RunStrategy_is_an_enum_of_the_five_KubeVirt_strategies()
    {
        Assert.Equal(["Always", "RerunOnFailure", "Manual", "Halted", "Once"], Strings(_vm.Schema("spec.runStrategy")["enum"]));
        Assert.Equal("string", _vm.Schema("spec.runStrategy")["type"]);
    }

    [Fact]
    public void Phases_printable_statuses_and_start_strategy_are_enums()
    {
        Assert.Equal(["Pending", "Scheduling", "Scheduled", "Running", "Succeeded", "Failed", "WaitingForSync", "Unknown"], Strings(_vmi.Schema("status.phase")["enum"]));
        Assert.Equal(17, List(_vm.Schema("status.printableStatus")["enum"]).Count);
        Assert.Equal(["Paused"], Strings(_vmi.Schema("spec.startStrategy")["enum"]));
        Assert.Equal(["Start", "Stop"], Strings(_vm.Schema("status.stateChangeRequests[].action")["enum"]));
    }

    [Fact]
    public void kubectl_explain_has_a_description_for_runStrategy_and_every_other_field()
    {
        Assert.Contains("Halted", (string)_vm.Schema("spec.runStrategy")["description"], StringComparison.Ordinal);
        Assert.Contains("Deprecated", (string)_vm.Schema("spec.running")["description"], StringComparison.Ordinal);

        foreach (var crd in new[] { _vm, _vmi })
        {
            var undescribed = crd.AllSchemas()
                .Where(schema => !schema.Path.EndsWith("[]", StringComparison.Ordinal) && !schema.Path.EndsWith("{}", StringComparison.Ordinal))
                .Where(schema => !schema.Node.TryGetValue("description", out var text) || string.IsNullOrWhiteSpace((string)text))
                .Select(schema => schema.Path);
            Assert.Empty(undescribed);
        }
    }

    [Fact]
    public void Descriptions_are_plain_single_line_text()
    {
        var description = (string)_vmi.Schema("spec.terminationGracePeriodSeconds")["description"];

        Assert.StartsWith("Grace period observed after signalling", description, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", description, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", description, StringComparison.Ordinal);
        Assert.DoesNotContain("<", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_fields_are_those_KubeVirt_requires()
    {
        Assert.Equal(["spec"], Strings(_vm.Schema("")["required"]));
        Assert.Equal(["spec"], Strings(_vmi.Schema("")["required"]));
        Assert.Equal(["template"], Strings(_vm.Schema("spec")["required"]));
        Assert.Equal(["domain"], Strings(_vmi.Schema("spec")["required"]));
        Assert.Equal(["devices"], Strings(_vmi.Schema("spec.domain")["required"]));
        Assert.Equal(["name"], Strings(_vmi.Schema("spec.domain.devices.disks[]")["required"]));
        Assert.Equal(["name"], Strings(_vmi.Schema("spec.volumes[]")["required"]));
        Assert.Equal(["capacity"], Strings(_vmi.Schema("spec.volumes[].emptyDisk")["required"]));
        Assert.Equal(["path", "type"], Strings(_vmi.Schema("spec.volumes[].hostDisk")["required"]));
        Assert.Equal(["image"], Strings(_vmi.Schema("spec.volumes[].containerDisk")["required"]));
        Assert.Equal(["status", "type"], Strings(_vmi.Schema("status.conditions[]")["required"]));
        Assert.Equal(["action"], Strings(_vm.Schema("status.stateChangeRequests[]")["required"]));
        Assert.False(_vmi.Schema("spec.volumes[].cloudInitNoCloud").ContainsKey("required"));
    }

    [Fact]
    public void The_termination_grace_period_defaults_to_30_seconds_in_the_VMI_and_the_VM_template()
    {
        Assert.Equal(("30", "integer", "int64"), Triple(_vmi.Schema("spec.terminationGracePeriodSeconds"), "default"));
        Assert.Equal(("30", "integer", "int64"), Triple(_vm.Schema("spec.template.spec.terminationGracePeriodSeconds"), "default"));
    }

    [Fact]
    public void Scalars_maps_and_timestamps_have_their_OpenAPI_types()
    {
        Assert.Equal(("integer", "int32"), (_vmi.Schema("spec.domain.cpu.cores")["type"], _vmi.Schema("spec.domain.cpu.cores")["format"]));
        Assert.Equal("boolean", _vm.Schema("spec.running")["type"]);
        Assert.Equal(("string", "date-time"), (_vmi.Schema("status.conditions[].lastTransitionTime")["type"], _vmi.Schema("status.conditions[].lastTransitionTime")["format"]));
        Assert.Equal("object", _vmi.Schema("spec.nodeSelector")["type"]);
        Assert.Equal("string", Map(_vmi.Schema("spec.nodeSelector")["additionalProperties"])["type"]);
        Assert.Equal("array", _vmi.Schema("status.interfaces")["type"]);
        Assert.Equal("string", Map(_vmi.Schema("status.interfaces[].ipAddresses")["items"])["type"]);
    }

    [Fact]
    public void Quantities_are_int_or_string()
    {
        foreach (var quantity in new[] { _vmi.Schema("spec.volumes[].emptyDisk.capacity"), Map(_vmi.Schema("spec.domain.resources.requests")["additionalProperties"]), _vmi.Schema("spec.domain.memory.guest") })
        {
            Assert.Equal("true", quantity["x-kubernetes-int-or-string"]);
            Assert.Equal(["integer", "string"], List(quantity["anyOf"]).Select(option => (string)Map(option)["type"]));
            Assert.False(quantity.ContainsKey("type"));
        }
    }

    [Fact]
    public void Root_metadata_is_a_plain_object_and_template_metadata_keeps_unknown_fields()
    {
        Assert.Equal(["description", "type"], _vm.Schema("metadata").Keys.Cast<string>());
        Assert.Equal("object", _vm.Schema("metadata")["type"]);
        Assert.Equal("true", _vm.Schema("spec.template.metadata")["x-kubernetes-preserve-unknown-fields"]);
    }

    [Theory]
    [InlineData("vmi", "spec")]
    [InlineData("vmi", "spec.domain")]
    [InlineData("vmi", "spec.domain.cpu")]
    [InlineData("vmi", "spec.domain.devices")]
    [InlineData("vmi", "spec.domain.devices.disks[]")]
    [InlineData("vmi", "spec.domain.devices.interfaces[]")]
    [InlineData("vmi", "spec.networks[]")]
    [InlineData("vmi", "spec.livenessProbe")]
    [InlineData("vmi", "spec.volumes[]")]
    [InlineData("vmi", "status")]
    [InlineData("vmi", "status.interfaces[]")]
    [InlineData("vm", "spec.instancetype")]
    [InlineData("vm", "spec.dataVolumeTemplates[]")]
    [InlineData("vm", "spec.template.spec")]
    [InlineData("vm", "status")]
    public void Partly_modelled_and_opaque_fields_preserve_unknown_fields(string crd, string path)
    {
        Assert.Equal("true", (crd == "vm" ? _vm : _vmi).Schema(path)["x-kubernetes-preserve-unknown-fields"]);
    }

    [Theory]
    [InlineData("vm", "")]
    [InlineData("vm", "spec")]
    [InlineData("vm", "spec.template")]
    [InlineData("vm", "status.conditions[]")]
    [InlineData("vm", "status.stateChangeRequests[]")]
    [InlineData("vm", "status.startFailure")]
    [InlineData("vmi", "")]
    [InlineData("vmi", "spec.domain.resources")]
    [InlineData("vmi", "spec.domain.machine")]
    [InlineData("vmi", "spec.domain.firmware.kernelBoot")]
    [InlineData("vmi", "spec.domain.firmware.kernelBoot.container")]
    [InlineData("vmi", "spec.domain.devices.disks[].disk")]
    [InlineData("vmi", "spec.domain.devices.disks[].cdrom")]
    [InlineData("vmi", "spec.volumes[].containerDisk")]
    [InlineData("vmi", "spec.volumes[].hostDisk")]
    [InlineData("vmi", "spec.volumes[].emptyDisk")]
    [InlineData("vmi", "spec.volumes[].cloudInitNoCloud")]
    [InlineData("vmi", "status.conditions[]")]
    public void Fully_modelled_types_reject_unknown_fields(string crd, string path)
    {
        Assert.False((crd == "vm" ? _vm : _vmi).Schema(path).ContainsKey("x-kubernetes-preserve-unknown-fields"));
    }

    [Fact]
    public void Every_schema_node_has_a_type_as_structural_schemas_require()
    {
        foreach (var crd in new[] { _vm, _vmi })
        {
            var untyped = crd.AllSchemas()
                .Where(schema => !schema.Node.ContainsKey("type") && !schema.Node.ContainsKey("x-kubernetes-int-or-string"))
                .Select(schema => schema.Path);
            Assert.Empty(untyped);
        }
    }

    private static IEnumerable<(object Name, object Type, object JsonPath, object Priority)> Columns(GeneratedCrd crd) =>
        List(crd.Version["additionalPrinterColumns"])
            .Select(Map)
            .Select(column => (column["name"], column["type"], column["jsonPath"], column.GetValueOrDefault("priority", "0")));

    private static (object, object, object) Triple(Dictionary<object, object> schema, string key) => (schema[key], schema["type"], schema["format"]);
}
