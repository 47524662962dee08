using System.Text.Json;

namespace VmLifecycle.KubectlPlugin.Commands.Version;

/// <summary>A version.Info as KubeVirt and Kubernetes serve it, printed the way virtctl prints it (Go's %#v).</summary>
internal sealed record VersionInfo(string GitVersion, string GitCommit, string GitTreeState, string BuildDate, string GoVersion, string Compiler, string Platform)
{
    public static VersionInfo Client { get; } = new(PluginVersion.Version, PluginVersion.Commit, "", "", "", "dotnet-nativeaot", PluginVersion.Platform);

    public static VersionInfo Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        string Field(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
        return new VersionInfo(Field("gitVersion"), Field("gitCommit"), Field("gitTreeState"), Field("buildDate"), Field("goVersion"), Field("compiler"), Field("platform"));
    }

    public string ToGoSyntax() =>
        $"version.Info{{GitVersion:\"{GitVersion}\", GitCommit:\"{GitCommit}\", GitTreeState:\"{GitTreeState}\", BuildDate:\"{BuildDate}\", GoVersion:\"{GoVersion}\", Compiler:\"{Compiler}\", Platform:\"{Platform}\"}}";
}
