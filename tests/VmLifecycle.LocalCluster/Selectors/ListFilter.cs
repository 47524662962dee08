using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Resources;

namespace VmLifecycle.LocalCluster.Selectors;

/// <summary>The label and field selectors of a list, watch or deletecollection request.</summary>
internal sealed record ListFilter(LabelSelector Labels, FieldSelector Fields)
{
    public static ListFilter Everything { get; } = new(LabelSelector.Everything, FieldSelector.Everything);

    public static ListFilter FromQuery(IQueryCollection query, ResourceDefinition definition) =>
        new(LabelSelector.Parse(query["labelSelector"]), FieldSelector.Parse(query["fieldSelector"], definition));

    public bool Matches(JsonObject obj) => Labels.Matches(ObjectMeta.Labels(obj)) && Fields.Matches(obj);
}
