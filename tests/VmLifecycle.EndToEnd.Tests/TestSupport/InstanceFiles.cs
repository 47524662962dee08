namespace VmLifecycle.EndToEnd.Tests.TestSupport;

/// <summary>
/// Where the handler keeps a VMI's files and how it names its domain (handler/Domains/InstanceStateDirectory.cs and
/// DomainName.cs): <c>{stateDirectory}/domains/{namespace}_{name}_{uid}/serial.log</c>, domain <c>{namespace}_{name}</c>.
/// </summary>
internal static class InstanceFiles
{
    public static string DomainName(string ns, string name) => $"{ns}_{name}";

    /// <summary>The serial log's path below the state directory, with '/' separators (it may be a path inside a pod).</summary>
    public static string SerialLog(string stateDirectory, string ns, string name, string uid) =>
        $"{stateDirectory.TrimEnd('/')}/domains/{DomainName(ns, name)}_{uid}/serial.log";
}
