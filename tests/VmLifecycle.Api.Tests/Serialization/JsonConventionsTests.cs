using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using VmLifecycle.Api.Serialization;
using VmLifecycle.Api.Subresources;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;
using VmLifecycle.Api.Volumes;

namespace VmLifecycle.Api.Tests.Serialization;

public sealed class JsonConventionsTests
{
    [Theory]
    [InlineData(Serializer.KubernetesJson)]
    [InlineData(Serializer.ApiJsonContext)]
    public void Null_members_are_omitted_and_apiVersion_and_kind_are_preset(Serializer serializer)
    {
        var vm = new VirtualMachine { Metadata = new V1ObjectMeta { Name = "my-vm", NamespaceProperty = "default" } };

        JsonAssert.Equivalent(
            """{"apiVersion":"kubevirt.io/v1","kind":"VirtualMachine","metadata":{"name":"my-vm","namespace":"default"},"spec":{"template":{}}}""",
            serializer.Write(vm));
    }

    [Theory]
    [InlineData(Serializer.KubernetesJson)]
    [InlineData(Serializer.ApiJsonContext)]
    public void Explicit_nulls_in_KubeVirt_documents_are_dropped_on_write(Serializer serializer)
    {
        const string withNulls = """
            {"apiVersion":"kubevirt.io/v1","kind":"VirtualMachine","metadata":{"name":"vm","creationTimestamp":null},
             "spec":{"running":null,"template":{"metadata":{"creationTimestamp":null},"spec":{"domain":{"devices":{}}}}},
             "status":{"conditions":[{"type":"Ready","status":"False","lastProbeTime":null,"lastTransitionTime":"2026-11-27T10:00:00Z"}]}}
            """;

        JsonAssert.Equivalent(
            """
            {"apiVersion":"kubevirt.io/v1","kind":"VirtualMachine","metadata":{"name":"vm"},
             "spec":{"template":{"metadata":{},"spec":{"domain":{"devices":{}}}}},
             "status":{"conditions":[{"type":"Ready","status":"False","lastTransitionTime":"2026-11-27T10:00:00Z"}]}}
            """,
            serializer.Write(serializer.Read<VirtualMachine>(withNulls)));
    }

    [Theory]
    [InlineData(Serializer.KubernetesJson)]
    [InlineData(Serializer.ApiJsonContext)]
    public void Enums_are_written_as_their_KubeVirt_names(Serializer serializer)
    {
        var vm = new VirtualMachine { Spec = { RunStrategy = RunStrategy.RerunOnFailure }, Status = new() { PrintableStatus = PrintableStatus.ErrorUnschedulable } };
        var vmi = new VirtualMachineInstance
        {
            Spec = { StartStrategy = StartStrategy.Paused, Volumes = [new Volume { Name = "d", HostDisk = new() { Path = "/d.img", Type = HostDiskType.DiskOrCreate } }] },
            Status = new() { Phase = VirtualMachineInstancePhase.WaitingForSync },
        };

        var vmJson = JsonNode.Parse(serializer.Write(vm))!;
        var vmiJson = JsonNode.Parse(serializer.Write(vmi))!;

        Assert.Equal("RerunOnFailure", (string?)vmJson["spec"]!["runStrategy"]);
        Assert.Equal("ErrorUnschedulable", (string?)vmJson["status"]!["printableStatus"]);
        Assert.Equal("Paused", (string?)vmiJson["spec"]!["startStrategy"]);
        Assert.Equal("DiskOrCreate", (string?)vmiJson["spec"]!["volumes"]![0]!["hostDisk"]!["type"]);
        Assert.Equal("WaitingForSync", (string?)vmiJson["status"]!["phase"]);
    }

    [Theory]
    [InlineData(Serializer.KubernetesJson)]
    [InlineData(Serializer.ApiJsonContext)]
    public void Timestamps_are_written_as_RFC3339_in_UTC(Serializer serializer)
    {
        var vm = new VirtualMachine
        {
            Metadata = new V1ObjectMeta { Name = "vm", CreationTimestamp = new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc) },
            Status = new() { Conditions = [new() { Type = "Ready", Status = "True", LastTransitionTime = new DateTime(2026, 11, 27, 10, 0, 7, DateTimeKind.Utc) }] },
        };

        var json = JsonNode.Parse(serializer.Write(vm))!;

        Assert.Equal("2026-11-27T10:00:00Z", (string?)json["metadata"]!["creationTimestamp"]);
        Assert.Equal("2026-11-27T10:00:07Z", (string?)json["status"]!["conditions"]![0]!["lastTransitionTime"]);
    }

    [Theory]
    [InlineData(Serializer.KubernetesJson)]
    [InlineData(Serializer.ApiJsonContext)]
    public void Quantities_are_written_as_strings_even_when_given_as_numbers(Serializer serializer)
    {
        const string json = """{"spec":{"domain":{"devices":{},"resources":{"requests":{"cpu":1,"memory":"64Mi"}}}}}""";

        var requests = JsonNode.Parse(serializer.Write(serializer.Read<VirtualMachineInstance>(json)))!["spec"]!["domain"]!["resources"]!["requests"]!;

        Assert.Equal("1", (string?)requests["cpu"]);
        Assert.Equal("64Mi", (string?)requests["memory"]);
    }

    [Fact]
    public void ApiJson_refuses_types_outside_its_context_with_a_clear_message()
    {
        var error = Assert.Throws<NotSupportedException>(() => ApiJson.Serialize(new NotAnApiType("x")));

        Assert.Contains(nameof(ApiJsonContext), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiJson_reads_request_bodies_from_streams_and_bytes()
    {
        var bytes = ApiJson.SerializeToUtf8Bytes(new StopOptions { GracePeriod = 0 });
        using var stream = new MemoryStream(bytes);

        Assert.Equal(0, (await ApiJson.DeserializeAsync<StopOptions>(stream, TestContext.Current.CancellationToken))!.GracePeriod);
        Assert.Equal(0, ApiJson.Deserialize<StopOptions>(bytes)!.GracePeriod);
    }

    [Fact]
    public void ApiJson_reports_malformed_json_as_JsonException()
    {
        Assert.ThrowsAny<JsonException>(() => ApiJson.Deserialize<StartOptions>("{\"paused\":"));
    }

    private sealed record NotAnApiType(string Name);
}
