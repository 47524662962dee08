using VmLifecycle.Handler.Domains;
using VmLifecycle.Handler.Endpoints;
using VmLifecycle.Api.Kubernetes;

namespace VmLifecycle.Handler.Configuration;

/// <summary>Short command-line switches for the configuration keys (the long forms such as --Handler:NodeName work too).</summary>
internal static class CommandLineSwitches
{
    public const string LibvirtSection = "Libvirt";
    public const string ImageStoreSection = "ImageStore";

    public static Dictionary<string, string> Mappings { get; } = new(StringComparer.Ordinal)
    {
        ["--node-name"] = $"{HandlerOptions.SectionName}:{nameof(HandlerOptions.NodeName)}",
        ["--state-dir"] = $"{HandlerOptions.SectionName}:{nameof(HandlerOptions.StateDirectory)}",
        ["--force-tcg"] = $"{HandlerOptions.SectionName}:{nameof(HandlerOptions.ForceTcg)}",
        ["--resync-interval"] = $"{HandlerOptions.SectionName}:{nameof(HandlerOptions.ResyncInterval)}",
        ["--libvirt-uri"] = $"{LibvirtSection}:{nameof(Libvirt.LibvirtConnectionOptions.Uri)}",
        ["--image-store"] = $"{ImageStoreSection}:{nameof(ImageStoreOptions.Root)}",
        ["--port"] = $"{TlsOptions.SectionName}:{nameof(TlsOptions.Port)}",
        ["--tls-cert"] = $"{TlsOptions.SectionName}:{nameof(TlsOptions.CertificateFile)}",
        ["--tls-key"] = $"{TlsOptions.SectionName}:{nameof(TlsOptions.PrivateKeyFile)}",
        ["--client-ca"] = $"{TlsOptions.SectionName}:{nameof(TlsOptions.ClientCaFile)}",
        ["--advertised-endpoint"] = $"{TlsOptions.SectionName}:{nameof(TlsOptions.AdvertisedEndpoint)}",
        ["--kubeconfig"] = $"{KubernetesConnectionOptions.SectionName}:{nameof(KubernetesConnectionOptions.KubeconfigPath)}",
        ["--in-cluster"] = $"{KubernetesConnectionOptions.SectionName}:{nameof(KubernetesConnectionOptions.InCluster)}",
    };
}
