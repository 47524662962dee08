
namespace VmLifecycle.Handler.Domains;

/// <summary>
/// Writes a NoCloud seed ISO: volume label <c>cidata</c> with user-data, meta-data and network-config, made with
/// <c>xorriso -as mkisofs -V cidata -J -R</c> (hack/README.md: xorriso is maintained, genisoimage is not).
/// </summary>
internal static class CloudInitSeed
{
    /// <summary>The meta-data of a VMI: instance-id is the VMI's uid, so that cloud-init runs again for a new VMI.</summary>
    public static string MetaData(string uid, string hostname) => $"instance-id: {uid}\nlocal-hostname: {hostname}\n";

    public static async Task WriteAsync(string isoPath, CloudInitSeedContent content, CancellationToken cancellationToken)
    {
        var staging = Path.Combine(Path.GetDirectoryName(isoPath)!, $".{Path.GetFileName(isoPath)}.d");
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        try
        {
            var files = new List<string> { "user-data", "meta-data" };
            await File.WriteAllTextAsync(Path.Combine(staging, "user-data"), content.UserData, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(staging, "meta-data"), content.MetaData, cancellationToken);
            if (content.NetworkConfig is not null)
            {
                files.Add("network-config");
                await File.WriteAllTextAsync(Path.Combine(staging, "network-config"), content.NetworkConfig, cancellationToken);
            }

            var temporary = isoPath + ".tmp";
            await ToolRunner.RunAsync("xorriso", ["-as", "mkisofs", "-quiet", "-V", "cidata", "-J", "-R", "-o", temporary, .. files], staging, cancellationToken);
            File.Move(temporary, isoPath, overwrite: true);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
