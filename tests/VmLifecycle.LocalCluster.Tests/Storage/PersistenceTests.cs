using VmLifecycle.LocalCluster.Tests.Infrastructure;

namespace VmLifecycle.LocalCluster.Tests.Storage;

public sealed class PersistenceTests
{
    [Fact]
    public async Task State_File_Keeps_Objects_And_ResourceVersions_Across_A_Restart()
    {
        var directory = Directory.CreateTempSubdirectory("local-cluster-restart-").FullName;
        string[] arguments = ["--state-file", Path.Combine(directory, "state.json")];
        string before;
        await using (var first = await RunningCluster.StartAsync(directory, arguments, cancellationToken: TestContext.Current.CancellationToken))
        {
            await first.Kubectl.ApplyAsync(Widgets.Yaml("survivor", "default", size: 7));
            await first.Kubectl.SucceedAsync("create", "namespace", "kept");
            before = await first.Kubectl.SucceedAsync("get", "widget", "survivor", "-o", "jsonpath={.metadata.uid} {.metadata.resourceVersion}");
        }

        await using var second = await RunningCluster.StartAsync(directory, arguments, cancellationToken: TestContext.Current.CancellationToken);
        var after = await second.Kubectl.SucceedAsync("get", "widget", "survivor", "-o", "jsonpath={.metadata.uid} {.metadata.resourceVersion}");
        await second.Kubectl.SucceedAsync("get", "namespace", "kept");
        await second.Kubectl.SucceedAsync("label", "widget", "survivor", "restarted=yes");
        var next = await second.Kubectl.SucceedAsync("get", "widget", "survivor", "-o", "jsonpath={.metadata.resourceVersion}");

        Assert.Equal(before, after);
        Assert.True(long.Parse(next, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(before.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Without_A_State_File_A_Restart_Starts_Empty()
    {
        var directory = Directory.CreateTempSubdirectory("local-cluster-memory-").FullName;
        await using (var first = await RunningCluster.StartAsync(directory, cancellationToken: TestContext.Current.CancellationToken))
        {
            await first.Kubectl.ApplyAsync(Widgets.Yaml("ephemeral", "default"));
        }

        await using var second = await RunningCluster.StartAsync(directory, cancellationToken: TestContext.Current.CancellationToken);
        var result = await second.Kubectl.RunAsync("get", "widget", "ephemeral");

        Assert.NotEqual(0, result.ExitCode);
    }
}
