using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Resources;

namespace VmLifecycle.LocalCluster.Tables;

/// <summary>
/// Builds the meta.k8s.io/v1 Table that <c>kubectl get</c> asks for: NAME, the resource's printer columns
/// (a CRD's additionalPrinterColumns), and cells computed as kube-apiserver does (dates as ages).
/// </summary>
internal sealed class TableConverter(TimeProvider time)
{
    private static readonly PrinterColumn _age = new("Age", "date", "", "CreationTimestamp is a timestamp representing the server time when this object was created.", 0, ".metadata.creationTimestamp");

    public JsonObject Convert(ResourceDefinition definition, IEnumerable<JsonObject> objects, string? resourceVersion, IncludeObjectPolicy include)
    {
        var columns = ColumnsOf(definition);
        var definitions = new JsonArray
        {
            Column("Name", "string", "name", "Name must be unique within a namespace. Cannot be updated.", 0),
        };
        foreach (var column in columns)
        {
            definitions.Add(Column(column.Name, column.Type, column.Format, column.Description, column.Priority));
        }

        var rows = new JsonArray();
        foreach (var obj in objects)
        {
            var cells = new JsonArray(JsonValue.Create(ObjectMeta.Name(obj)));
            foreach (var column in columns)
            {
                cells.Add(Cell(column, obj));
            }

            var row = new JsonObject { ["cells"] = cells };
            var rowObject = include switch
            {
                IncludeObjectPolicy.None => null,
                IncludeObjectPolicy.Object => obj.DeepClone(),
                _ => new JsonObject
                {
                    ["kind"] = "PartialObjectMetadata",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = obj["metadata"]?.DeepClone(),
                },
            };
            if (rowObject is not null)
            {
                row["object"] = rowObject;
            }

            rows.Add(row);
        }

        var metadata = new JsonObject();
        if (resourceVersion is not null)
        {
            metadata["resourceVersion"] = resourceVersion;
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = metadata,
            ["columnDefinitions"] = definitions,
            ["rows"] = rows,
        };
    }

    private static IReadOnlyList<PrinterColumn> ColumnsOf(ResourceDefinition definition) =>
        definition.DefinedBy is not null || definition.PrinterColumns.Any(c => c.Type == "date" || c.JsonPath == _age.JsonPath)
            ? definition.PrinterColumns
            : [.. definition.PrinterColumns, _age];

    private JsonNode? Cell(PrinterColumn column, JsonObject obj)
    {
        if (column.Compute is { } compute)
        {
            return compute(obj);
        }

        var results = SimpleJsonPath.Evaluate(obj, column.JsonPath);
        if (results.Count == 0 || results[0] is null)
        {
            return null;
        }

        var value = results[0];
        switch (column.Type)
        {
            case "date":
                var text = SimpleJsonPath.Text(value);
                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp)
                    ? HumanDuration.Format(time.GetUtcNow() - timestamp)
                    : "<invalid>";
            case "integer" when value is JsonValue v && v.GetValueKind() == JsonValueKind.Number:
            case "number" when value is JsonValue n && n.GetValueKind() == JsonValueKind.Number:
            case "boolean" when value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return value.DeepClone();
            case "string":
                return SimpleJsonPath.Text(value);
            default:
                return null;
        }
    }

    private static JsonObject Column(string name, string type, string format, string description, int priority) => new()
    {
        ["name"] = name,
        ["type"] = type,
        ["format"] = format,
        ["description"] = description,
        ["priority"] = priority,
    };
}
