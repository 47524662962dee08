using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Validation;

namespace VmLifecycle.LocalCluster.Tests.Validation;

public sealed class ManifestSchemaValidatorTests
{
    private static readonly JsonNode _schema = JsonNode.Parse("""
        {"type":"object","properties":{"spec":{"type":"object","required":["name"],"properties":{
          "name":{"type":"string","minLength":2,"pattern":"^[a-z]+$"},
          "count":{"type":"integer","minimum":1,"maximum":5,"default":1},
          "port":{"x-kubernetes-int-or-string":true},
          "when":{"type":"string","format":"date-time"},
          "labels":{"type":"object","additionalProperties":{"type":"string"}},
          "items":{"type":"array","maxItems":2,"items":{"type":"object","properties":{"id":{"type":"integer"}}}},
          "free":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}}}
        """)!;

    private static SchemaValidationResult Validate(string spec) =>
        ManifestSchemaValidator.Validate(JsonNode.Parse($$"""{"apiVersion":"x/v1","kind":"X","metadata":{"name":"n"},"spec":{{spec}}}""")!, _schema);

    [Fact]
    public void Valid_Manifest_Gets_Defaults_And_No_Errors()
    {
        var result = Validate("""{"name":"ok","port":"http","when":"2030-01-01T00:00:00Z","labels":{"a":"b"},"free":{"any":[1]}}""");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(1, result.Normalized["spec"]!["count"]!.GetValue<int>());
    }

    [Fact]
    public void Violations_Are_Reported_With_Their_Paths()
    {
        var result = Validate("""{"count":9,"port":1.5,"when":"yesterday","labels":{"a":1},"items":[{"id":"x"},{},{}],"name":"A"}""");

        var fields = result.Errors.Select(e => e.Field).ToList();
        Assert.Contains("spec.count", fields);
        Assert.Contains("spec.port", fields);
        Assert.Contains("spec.when", fields);
        Assert.Contains("spec.labels.a", fields);
        Assert.Contains("spec.items", fields);
        Assert.Contains("spec.items[0].id", fields);
        Assert.Contains("spec.name", fields);
    }

    [Fact]
    public void Missing_Required_Field_And_Unknown_Fields_Are_Reported()
    {
        var result = Validate("""{"surprise":true,"items":[{"id":1,"extra":2}]}""");

        Assert.Contains(result.Errors, e => e is { Field: "spec.name", Reason: "FieldValueRequired" });
        Assert.Equal(["spec.surprise", "spec.items[0].extra"], result.UnknownFields);
        Assert.False(result.IsValid);
    }
}
