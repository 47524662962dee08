using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Validation;

namespace VmLifecycle.LocalCluster.Tests.Validation;

public sealed class CompiledSchemaTests
{
    private static JsonObject Schema() => JsonNode.Parse("""
        {"type":"object","properties":{
          "spec":{"type":"object","properties":{
            "b":{"type":"string","default":"x"},
            "a":{"type":"integer","minimum":1,"maxLength":"not a number","default":2},
            "c":{"type":"boolean"},
            "odd":true},
            "additionalProperties":false},
          "list":{"type":"array","items":{"type":"string","nullable":true,"x-kubernetes-int-or-string":true}},
          "free":{"type":"object","x-kubernetes-preserve-unknown-fields":true,"x-kubernetes-embedded-resource":true},
          "choice":{"anyOf":[{"type":"string"},42],"oneOf":[]}}}
        """)!.AsObject();

    [Fact]
    public void A_Crd_Schema_Is_Compiled_Once()
    {
        var schema = Schema();

        Assert.Same(CompiledSchema.ForCrd(schema), CompiledSchema.ForCrd(schema));
        Assert.NotSame(CompiledSchema.Compile(schema), CompiledSchema.Compile(schema));
    }

    [Fact]
    public void Keywords_Are_Read_As_The_Schema_Readers_Read_Them()
    {
        var root = CompiledSchema.Compile(Schema());
        var spec = root.Property("spec")!;
        var items = root.Property("list")!.Items!;
        var free = root.Property("free")!;
        var choice = root.Property("choice")!;

        Assert.Equal("object", root.Type);
        Assert.Equal(["b", "a", "c"], spec.Properties!.Keys);
        Assert.Null(spec.Property("odd"));
        Assert.Equal([("b", "\"x\""), ("a", "2")], spec.Defaults.Select(d => (d.Name, d.Default.ToJsonString())));
        Assert.Null(spec.AdditionalProperties);
        Assert.False(spec.AllowsAnyAdditionalProperty);
        Assert.Equal(1, spec.Property("a")!.Minimum);
        Assert.Null(spec.Property("a")!.MaxLength);
        Assert.True(items.Nullable);
        Assert.True(items.IntOrString);
        Assert.True(free.AllowsAnyAdditionalProperty);
        Assert.True(free.EmbeddedResource);
        Assert.Equal(2, choice.AnyOf!.Value.Count);
        Assert.Single(choice.AnyOf!.Value.Schemas);
        Assert.Equal(0, choice.OneOf!.Value.Count);
        Assert.Null(choice.AllOf);
    }
}
