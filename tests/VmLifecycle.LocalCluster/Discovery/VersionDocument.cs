using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Discovery;

/// <summary>The <c>/version</c> answer: the local cluster presents itself as Kubernetes 1.32.</summary>
internal static class VersionDocument
{
    public static JsonObject Create() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0-local",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "go1.23.0",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };
}
