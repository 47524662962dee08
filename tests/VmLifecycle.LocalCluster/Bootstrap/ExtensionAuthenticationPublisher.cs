using System.Text.Json.Nodes;
using k8s;
using VmLifecycle.LocalCluster.Aggregation;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Pki;
using VmLifecycle.LocalCluster.Resources;

namespace VmLifecycle.LocalCluster.Bootstrap;

/// <summary>
/// Publishes kube-system/extension-apiserver-authentication at every start, as kube-apiserver does, from the
/// cluster's PKI: client-ca-file is the cluster CA, requestheader-client-ca-file the front-proxy CA.
/// </summary>
internal sealed class ExtensionAuthenticationPublisher(ClusterPki pki, ResourceReader reader, ResourceWriter writer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var configMaps = BuiltInResources.All.First(d => d is { Group: "", Resource: "configmaps" });
        var desired = JsonNode.Parse(KubernetesJson.Serialize(
            ExtensionApiServerAuthentication.ConfigMap(pki.ClusterCa.CertificatePem, pki.FrontProxyCa.CertificatePem)))!.AsObject();
        try
        {
            writer.Create(configMaps, ExtensionApiServerAuthentication.Namespace, desired, WriteContext.Internal);
        }
        catch (StatusException exception) when (exception.Code == StatusCodes.Status409Conflict)
        {
            var current = reader.Get(configMaps, ExtensionApiServerAuthentication.Namespace, ExtensionApiServerAuthentication.Name);
            ObjectMeta.Of(desired)["resourceVersion"] = ObjectMeta.ResourceVersion(current);
            writer.Update(configMaps, ExtensionApiServerAuthentication.Namespace, ExtensionApiServerAuthentication.Name, desired, WriteContext.Internal, statusOnly: false);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
