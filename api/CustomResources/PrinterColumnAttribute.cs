namespace VmLifecycle.Api.CustomResources;

/// <summary>
/// A column that <c>kubectl get</c> shows for the resource (a CRD additionalPrinterColumn).
/// Columns appear in the order the attributes are declared on the entity type.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PrinterColumnAttribute : Attribute
{
    /// <summary>Creates a column.</summary>
    /// <param name="name">The column header, for example <c>Status</c>.</param>
    /// <param name="type">The OpenAPI type of the value: <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c> or <c>date</c>.</param>
    /// <param name="jsonPath">The JSONPath of the value inside the object, for example <c>.status.printableStatus</c>.</param>
    public PrinterColumnAttribute(string name, string type, string jsonPath)
    {
        Name = name;
        Type = type;
        JsonPath = jsonPath;
    }

    /// <summary>The column header.</summary>
    public string Name { get; }

    /// <summary>The OpenAPI type of the value.</summary>
    public string Type { get; }

    /// <summary>The JSONPath of the value inside the object.</summary>
    public string JsonPath { get; }

    /// <summary>A human readable description of the column; empty for none.</summary>
    public string Description { get; init; } = "";

    /// <summary>0 shows the column always; higher values only with <c>kubectl get -o wide</c>.</summary>
    public int Priority { get; init; }
}
