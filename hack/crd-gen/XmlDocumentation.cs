using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace VmLifecycle.CrdGen;

/// <summary>Reads the summaries of the compiler-generated XML documentation file of an assembly.</summary>
internal sealed partial class XmlDocumentation
{
    private readonly Dictionary<string, string> _summaries;

    private XmlDocumentation(Dictionary<string, string> summaries) => _summaries = summaries;

    /// <summary>Loads the documentation file the compiler writes next to <paramref name="assembly"/>.</summary>
    public static XmlDocumentation For(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path))
        {
            // Without it every description would silently be empty, and kubectl explain would say nothing.
            throw new FileNotFoundException(
                $"The XML documentation of {assembly.GetName().Name} was not found next to it; build api/ with GenerateDocumentationFile.", path);
        }

        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in XDocument.Load(path).Descendants("member"))
        {
            var name = member.Attribute("name")?.Value;
            var summary = member.Element("summary");
            if (name is not null && summary is not null)
            {
                summaries[name] = PlainText(summary);
            }
        }

        return new XmlDocumentation(summaries);
    }

    public string? Summary(Type type) => Find("T:" + DocumentationName(type));

    public string? Summary(PropertyInfo property) => Find("P:" + DocumentationName(property.DeclaringType!) + "." + property.Name);

    private string? Find(string id) => _summaries.TryGetValue(id, out var summary) && summary.Length > 0 ? summary : null;

    private static string DocumentationName(Type type) => type.FullName!.Replace('+', '.');

    // kubectl explain prints descriptions as plain text: references become their short names and whitespace one space.
    private static string PlainText(XElement summary)
    {
        var text = new StringBuilder();
        foreach (var node in summary.DescendantNodes())
        {
            switch (node)
            {
                case XText textNode:
                    text.Append(textNode.Value);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } reference:
                    text.Append(ReferenceName(reference));
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } parameter:
                    text.Append(parameter.Attribute("name")?.Value);
                    break;
            }
        }

        return Whitespace().Replace(text.ToString(), " ").Trim();
    }

    private static string ReferenceName(XElement reference)
    {
        if (!reference.IsEmpty)
        {
            return ""; // the element's own text is appended as a descendant text node
        }

        var target = reference.Attribute("cref")?.Value ?? reference.Attribute("langword")?.Value ?? reference.Attribute("href")?.Value ?? "";
        return target[(target.LastIndexOf('.') + 1)..];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
