namespace VmLifecycle.Handler.Domains;

/// <summary>
/// The files one VMI's domain uses on this node, under <c>{stateDirectory}/domains/{namespace}_{name}_{uid}/</c>:
/// the serial console log, containerDisk overlays, emptyDisks and the cloud-init seed. The uid in the directory name
/// keeps a recreated VMI of the same name from inheriting the previous one's disks.
/// </summary>
internal sealed record InstanceStateDirectory(string Path)
{
    public static InstanceStateDirectory For(string stateDirectory, DomainIdentity identity) =>
        new(System.IO.Path.Combine(System.IO.Path.GetFullPath(stateDirectory), "domains", $"{identity.DomainName}{DomainName.Separator}{identity.Uid}"));

    public string SerialLog => File("serial.log");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Create() => Directory.CreateDirectory(Path);

    public void Delete()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
