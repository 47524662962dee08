namespace VmLifecycle.KubectlPlugin.Tests.TestSupport;

/// <summary>JSON of the objects, lists and watch events the fake server answers with.</summary>
internal static class Resources
{
    public const string VmPath = "/apis/kubevirt.io/v1/namespaces/testns/virtualmachines";
    public const string VmiPath = "/apis/kubevirt.io/v1/namespaces/testns/virtualmachineinstances";
    public const string SubresourcePath = "/apis/subresources.kubevirt.io/v1/namespaces/testns";

    public static string Vm(string name, string runStrategy = "Always", string? printableStatus = null, string rv = "10")
    {
        var status = printableStatus is null ? "" : ",\"status\":{\"printableStatus\":\"" + printableStatus + "\"}";
        return """{"apiVersion":"kubevirt.io/v1","kind":"VirtualMachine","metadata":{"name":"@name@","namespace":"testns","resourceVersion":"@rv@","uid":"vm-uid"},"spec":{"runStrategy":"@runStrategy@","template":{"spec":{"domain":{"devices":{}}}}}""".Replace("@name@", name, StringComparison.Ordinal).Replace("@rv@", rv, StringComparison.Ordinal).Replace("@runStrategy@", runStrategy, StringComparison.Ordinal) + status + "}";
    }

    public static string Vmi(string name, string uid, string phase, bool paused = false, string rv = "10")
    {
        const string PausedCondition = ""","conditions":[{"type":"Paused","status":"True","reason":"PausedByUser","message":"VMI was paused by user"}]""";
        return """{"apiVersion":"kubevirt.io/v1","kind":"VirtualMachineInstance","metadata":{"name":"@name@","namespace":"testns","resourceVersion":"@rv@","uid":"@uid@"},"spec":{"domain":{"devices":{}}},"status":{"phase":"@phase@" """.TrimEnd().Replace("@name@", name, StringComparison.Ordinal).Replace("@rv@", rv, StringComparison.Ordinal).Replace("@uid@", uid, StringComparison.Ordinal).Replace("@phase@", phase, StringComparison.Ordinal)
            + (paused ? PausedCondition : "") + "}}";
    }

    public static string List(string kind, string rv, params string[] items) =>
        $$"""{"apiVersion":"kubevirt.io/v1","kind":"{{kind}}","metadata":{"resourceVersion":"{{rv}}"},"items":[{{string.Join(",", items)}}]}""";

    public static string Event(string type, string objectJson) => $$"""{"type":"{{type}}","object":{{objectJson}}}""";

    public static string NameSelector(string name) => "?fieldSelector=metadata.name%3D" + name;

    public static string Watch(string name, string rv) => NameSelector(name) + "&watch=true&allowWatchBookmarks=true&resourceVersion=" + rv;
}
