using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.Volumes;
using VmLifecycle.Handler.Kubernetes;

namespace VmLifecycle.Handler.Domains;

/// <summary>
/// Reads the data of the cloudInitNoCloud secretRef and networkDataSecretRef of a VMI from Secrets of the VMI's namespace,
/// under the keys KubeVirt reads (userdata or userData, networkdata or networkData), before the domain is planned.
/// </summary>
internal sealed class CloudInitSecretReader(ISecretStore secrets)
{
    public static IReadOnlyList<string> UserDataKeys { get; } = ["userdata", "userData"];

    public static IReadOnlyList<string> NetworkDataKeys { get; } = ["networkdata", "networkData"];

    /// <summary>The secret data of every cloudInitNoCloud volume with a secret ref, by volume name.</summary>
    /// <exception cref="CloudInitSecretException">A Secret, or its key, is missing.</exception>
    public async Task<IReadOnlyDictionary<string, CloudInitSecretData>> ReadAsync(VirtualMachineInstance vmi, CancellationToken cancellationToken)
    {
        var @namespace = vmi.Metadata.NamespaceProperty ?? "default";
        var result = new Dictionary<string, CloudInitSecretData>(StringComparer.Ordinal);
        foreach (var volume in vmi.Spec.Volumes ?? [])
        {
            if (volume.CloudInitNoCloud is not { } source || (source.SecretRef is null && source.NetworkDataSecretRef is null))
            {
                continue;
            }

            var userData = await ReadAsync(volume.Name, "secretRef", @namespace, source.SecretRef, UserDataKeys, cancellationToken);
            var networkData = await ReadAsync(volume.Name, "networkDataSecretRef", @namespace, source.NetworkDataSecretRef, NetworkDataKeys, cancellationToken);
            result[volume.Name] = new CloudInitSecretData(userData, networkData);
        }

        return result;
    }

    private async Task<string?> ReadAsync(string volume, string field, string @namespace, LocalObjectReference? reference, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        if (reference is null)
        {
            return null;
        }

        var data = await secrets.GetDataAsync(@namespace, reference.Name, cancellationToken)
            ?? throw CloudInitSecretException.NotFound(volume, field, @namespace, reference.Name);
        foreach (var key in keys)
        {
            if (data.TryGetValue(key, out var value))
            {
                return System.Text.Encoding.UTF8.GetString(value);
            }
        }

        throw CloudInitSecretException.MissingKey(volume, field, @namespace, reference.Name, keys);
    }
}
