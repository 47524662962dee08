using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Resources;
using VmLifecycle.LocalCluster.Serving;

namespace VmLifecycle.LocalCluster.Bootstrap;

/// <summary>Creates what a fresh kube-apiserver has (the system namespaces) and applies the CRDs of the configured directories.</summary>
internal sealed partial class ClusterBootstrap(
    ResourceReader reader,
    ResourceWriter writer,
    IOptions<LocalClusterOptions> options,
    ILogger<ClusterBootstrap> logger) : IHostedService
{
    private static readonly string[] _systemNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var name in _systemNamespaces)
        {
            Apply(BuiltInResources.Namespaces, new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Namespace",
                ["metadata"] = new JsonObject { ["name"] = name },
            });
        }

        foreach (var directory in options.Value.CrdDirectories.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(directory).Where(IsManifest).Order(StringComparer.Ordinal))
            {
                foreach (var manifest in YamlManifests.Read(File.ReadAllText(file)))
                {
                    if (manifest["kind"]?.GetValue<string>() == "CustomResourceDefinition")
                    {
                        Apply(BuiltInResources.CustomResourceDefinitions, manifest);
                        var crdName = ObjectMeta.Name(manifest);
                        LogCrdLoaded(crdName, file);
                    }
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Creates the object, or replaces the spec of the existing one.</summary>
    private void Apply(ResourceDefinition definition, JsonObject manifest)
    {
        var name = ObjectMeta.Name(manifest);
        try
        {
            writer.Create(definition, "", (JsonObject)manifest.DeepClone(), WriteContext.Internal);
        }
        catch (StatusException exception) when (exception.Code == 409)
        {
            if (definition == BuiltInResources.Namespaces)
            {
                return;
            }

            var current = reader.Get(definition, "", name);
            var updated = (JsonObject)manifest.DeepClone();
            ObjectMeta.Of(updated)["resourceVersion"] = ObjectMeta.ResourceVersion(current);
            writer.Update(definition, "", name, updated, WriteContext.Internal, statusOnly: false);
        }
    }

    private static bool IsManifest(string path) => Path.GetExtension(path) is ".yaml" or ".yml" or ".json";

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied CRD {Crd} from {File}")]
    private partial void LogCrdLoaded(string crd, string file);
}
