using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>Namespaces start Active with the <c>kubernetes</c> finalizer, which only the namespace controller removes.</summary>
internal sealed class NamespaceStrategy : IResourceStrategy
{
    public const string KubernetesFinalizer = "kubernetes";

    public bool AppliesTo(ResourceDefinition definition) => definition == BuiltInResources.Namespaces;

    public void PrepareForCreate(ResourceDefinition definition, JsonObject obj)
    {
        obj["spec"] = new JsonObject { ["finalizers"] = new JsonArray(KubernetesFinalizer) };
        obj["status"] = new JsonObject { ["phase"] = "Active" };
        var labels = ObjectMeta.Of(obj)["labels"] as JsonObject ?? [];
        labels["kubernetes.io/metadata.name"] = ObjectMeta.Name(obj);
        ObjectMeta.Of(obj)["labels"] = labels;
    }

    public void PrepareForUpdate(ResourceDefinition definition, JsonObject obj, JsonObject old)
    {
        obj["spec"] = old["spec"]?.DeepClone();
        var labels = ObjectMeta.Of(obj)["labels"] as JsonObject ?? [];
        labels["kubernetes.io/metadata.name"] = ObjectMeta.Name(obj);
        ObjectMeta.Of(obj)["labels"] = labels;
    }
}
