using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Patching;

namespace VmLifecycle.LocalCluster.Tests.Patching;

public sealed class PatchAlgorithmTests
{
    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public void Merge_Patch_Merges_Objects_Replaces_Lists_And_Removes_Nulls()
    {
        var result = JsonMergePatch.Apply(Obj("""{"a":{"b":1,"c":2},"l":[1,2],"x":1}"""), Obj("""{"a":{"b":9},"l":[3],"x":null}"""));

        Assert.True(JsonNode.DeepEquals(Obj("""{"a":{"b":9,"c":2},"l":[3]}"""), result));
    }

    [Fact]
    public void Json_Patch_Supports_Move_Copy_And_Array_Append()
    {
        var operations = JsonNode.Parse("""
            [{"op":"copy","from":"/a","path":"/b"},{"op":"move","from":"/a","path":"/c"},{"op":"add","path":"/l/-","value":3},{"op":"add","path":"/l/0","value":0},{"op":"add","path":"/k~1x","value":true}]
            """)!.AsArray();

        var result = JsonPatch.Apply(Obj("""{"a":1,"l":[1,2]}"""), operations);

        Assert.True(JsonNode.DeepEquals(Obj("""{"l":[0,1,2,3],"b":1,"c":1,"k/x":true}"""), result));
    }

    [Fact]
    public void Json_Patch_On_A_Missing_Path_Is_422()
    {
        var failure = Assert.Throws<StatusException>(() => JsonPatch.Apply(Obj("""{"a":1}"""), JsonNode.Parse("""[{"op":"remove","path":"/b"}]""")!.AsArray()));

        Assert.Equal(422, failure.Code);
    }

    [Fact]
    public void Strategic_Merge_Patch_Honours_Directives_And_Owner_Reference_Merge_Keys()
    {
        var original = Obj("""
            {"metadata":{"finalizers":["a"],"ownerReferences":[{"uid":"1","name":"one"},{"uid":"2","name":"two"}]},
             "rules":[{"verbs":["get"]}],"data":{"keep":"1","drop":"2"},"spec":{"x":1,"y":2}}
            """);
        var patch = Obj("""
            {"metadata":{"finalizers":["b"],"ownerReferences":[{"uid":"2","$patch":"delete"},{"uid":"3","name":"three"}],
                         "$setElementOrder/finalizers":["a","b"]},
             "rules":[{"verbs":["list"]}],"data":{"drop":null},"spec":{"$patch":"replace","z":3}}
            """);

        var result = StrategicMergePatch.Apply(original, patch);

        Assert.True(JsonNode.DeepEquals(Obj("""
            {"metadata":{"finalizers":["a","b"],"ownerReferences":[{"uid":"1","name":"one"},{"uid":"3","name":"three"}]},
             "rules":[{"verbs":["list"]}],"data":{"keep":"1"},"spec":{"z":3}}
            """), result), result.ToJsonString());
    }
}
