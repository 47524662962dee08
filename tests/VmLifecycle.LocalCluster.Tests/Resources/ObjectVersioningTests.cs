using System.Text;
using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Resources;

namespace VmLifecycle.LocalCluster.Tests.Resources;

public sealed class ObjectVersioningTests
{
    private static readonly ResourceDefinition _widgets = new()
    {
        Group = "test.vmlifecycle.io", Version = "v1", Resource = "widgets", SingularName = "widget", Kind = "Widget", Namespaced = true,
        DefinedBy = "widgets.test.vmlifecycle.io",
    };

    [Theory]
    [InlineData("""{"apiVersion":"test.vmlifecycle.io/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"a":null,"b":"<é>"}}""")]
    [InlineData("""{"metadata":{"name":"w"},"kind":"Other","spec":{"n":1.0},"apiVersion":"test.vmlifecycle.io/v2"}""")]
    [InlineData("""{"metadata":{"name":"w"}}""")]
    public void Serialising_For_A_Version_Gives_The_Json_Of_The_Versioned_Copy(string json)
    {
        var obj = JsonNode.Parse(json)!.AsObject();
        var before = obj.ToJsonString();

        var serialised = ObjectVersioning.SerializeForVersion(_widgets, obj);

        Assert.Equal(ObjectVersioning.ForVersion(_widgets, obj).ToJsonString(), Encoding.UTF8.GetString(serialised));
        Assert.Equal(before, obj.ToJsonString());
    }

    [Fact]
    public void An_Owned_Object_Already_At_The_Version_Is_Returned_Without_A_Copy()
    {
        var obj = JsonNode.Parse("""{"apiVersion":"test.vmlifecycle.io/v1","kind":"Widget","metadata":{"name":"w"}}""")!.AsObject();

        Assert.Same(obj, ObjectVersioning.ForVersionOwned(_widgets, obj));
    }

    [Theory]
    [InlineData("""{"apiVersion":"test.vmlifecycle.io/v2","kind":"Widget","metadata":{"name":"w"}}""")]
    [InlineData("""{"kind":"Widget","apiVersion":"test.vmlifecycle.io/v1","metadata":{"name":"w"}}""")]
    [InlineData("""{"metadata":{"name":"w"},"apiVersion":"test.vmlifecycle.io/v1","kind":"Widget"}""")]
    [InlineData("""{"apiVersion":1,"kind":"Widget"}""")]
    [InlineData("""{}""")]
    public void An_Owned_Object_In_Another_Shape_Is_Rebuilt_As_ForVersion_Would(string json)
    {
        var obj = JsonNode.Parse(json)!.AsObject();

        var presented = ObjectVersioning.ForVersionOwned(_widgets, obj);

        Assert.Equal(ObjectVersioning.ForVersion(_widgets, obj).ToJsonString(), presented.ToJsonString());
    }
}
