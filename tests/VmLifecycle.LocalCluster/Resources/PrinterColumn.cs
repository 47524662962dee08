using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>
/// A column of <c>kubectl get</c> for a resource: a CRD's additionalPrinterColumns entry, or a built-in column whose
/// cell kube-apiserver's printers compute (<see cref="Compute"/>) rather than read from one path.
/// </summary>
internal sealed record PrinterColumn(string Name, string Type, string Format, string Description, int Priority, string JsonPath)
{
    public Func<JsonObject, string?>? Compute { get; init; }
}
