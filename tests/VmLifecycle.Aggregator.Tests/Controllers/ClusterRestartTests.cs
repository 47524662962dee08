using System.Text.Json.Nodes;
using VmLifecycle.Aggregator.Controllers;
using VmLifecycle.Aggregator.Tests.TestSupport;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Tests.Controllers;

/// <summary>The API server killed and started again (same state file) under running controllers: watches break and resume.</summary>
public sealed class ClusterRestartTests
{
    [Fact]
    public async Task After_a_restart_of_the_api_server_no_vmi_is_lost_or_duplicated_and_the_controllers_keep_working()
    {
        await using var environment = await ControllerEnvironment.StartAsync();
        await using var handler = await HandlerDouble.StartAsync(environment.Driver, "node-1");
        await environment.Driver.CreateVmAsync("steady", RunStrategy.Always);
        await environment.Driver.CreateVmAsync("manual", RunStrategy.Manual);
        var steady = await VirtualMachineLifecycleTests.RunningAsync(environment, "steady");

        await environment.Cluster.RestartAsync();

        await Eventually.UntilAsync(async () => (await environment.Driver.GetVmAsync("steady"))?.Status?.PrintableStatus == PrintableStatus.Running, "the VM to be Running again");
        await environment.RequestAsync("manual", "start");
        await VirtualMachineLifecycleTests.RunningAsync(environment, "manual");
        var vmis = await environment.Driver.ListVmisAsync();
        Assert.Equal(["manual", "steady"], vmis.Select(v => v.Metadata.Name).Order().ToList());
        Assert.Equal(steady.Metadata.Uid, vmis.Single(v => v.Metadata.Name == "steady").Metadata.Uid);
        Assert.Single(environment.Aggregator.Events.Events, e => e.InvolvedName == "steady" && e.Reason == ControllerMessages.SuccessfulCreate);
    }

    [Fact]
    public async Task A_vmi_deleted_while_the_watch_was_broken_is_noticed_on_relist_and_recreated_once()
    {
        // A lease long enough to outlive the outage: the informers, not a new leadership term, reconnect and relist.
        await using var environment = await ControllerEnvironment.StartAsync(
            1, "--Controllers:LeaderElection:LeaseDuration=00:01:00", "--Controllers:LeaderElection:RenewDeadline=00:00:50");
        var election = ControllerEnvironment.Election(environment.Aggregator);
        var lostLeadership = false;
        await using var handler = await HandlerDouble.StartAsync(environment.Driver, "node-1");
        await environment.Driver.CreateVmAsync("steady", RunStrategy.Always);
        var before = await VirtualMachineLifecycleTests.RunningAsync(environment, "steady");

        // While the API server is down its storage loses the VMI (as if deleted by another writer): the informer can
        // only learn it from the next LIST.
        await environment.Cluster.RestartAsync(whileDown: async () =>
        {
            await RemoveVmisFromStateAsync(environment.Cluster);
            lostLeadership |= !election.IsLeader;
        });

        var after = await VirtualMachineLifecycleTests.RunningAsync(environment, "steady", notUid: before.Metadata.Uid);
        var vmis = await environment.Driver.ListVmisAsync();
        Assert.Equal(after.Metadata.Uid, Assert.Single(vmis).Metadata.Uid);
        Assert.Equal(2, environment.Aggregator.Events.Events.Count(e => e.InvolvedName == "steady" && e.Reason == ControllerMessages.SuccessfulCreate));
        Assert.False(lostLeadership || !election.IsLeader);
    }

    // The state file: a snapshot {"resourceVersion":"N","objects":[{"storageKey","namespace","name","object"}]} and its
    // log (state.json.log: one {"resourceVersion","storageKey","namespace","name","object"?} line per later change; no
    // object for a deletion). The log is folded into the snapshot without the VMIs; a deletion bumps the version.
    private static async Task RemoveVmisFromStateAsync(LocalClusterProcess cluster)
    {
        var path = Path.Combine(cluster.DataDirectory, "state.json");
        var logPath = path + ".log";
        var root = JsonNode.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken))!.AsObject();
        var version = long.Parse(root["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var objects = root["objects"]!.AsArray().ToDictionary(Key, e => e!["object"]!.DeepClone());
        var log = File.Exists(logPath) ? await File.ReadAllLinesAsync(logPath, TestContext.Current.CancellationToken) : [];
        foreach (var line in log.Where(l => l.Length > 0))
        {
            var change = JsonNode.Parse(line)!;
            var changeVersion = long.Parse(change["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            if (changeVersion <= version)
            {
                continue;
            }

            version = changeVersion;
            if (change["object"] is { } value)
            {
                objects[Key(change)] = value.DeepClone();
            }
            else
            {
                objects.Remove(Key(change));
            }
        }

        var kept = new JsonArray();
        foreach (var ((storageKey, @namespace, name), value) in objects.Where(o => o.Value["kind"]!.GetValue<string>() != VirtualMachineInstance.KubeKind))
        {
            kept.Add(new JsonObject { ["storageKey"] = storageKey, ["namespace"] = @namespace, ["name"] = name, ["object"] = value.DeepClone() });
        }

        root["objects"] = kept;
        root["resourceVersion"] = (version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(path, root.ToJsonString(), TestContext.Current.CancellationToken);
        File.Delete(logPath);

        static (string, string, string) Key(JsonNode? entry) =>
            (entry!["storageKey"]!.GetValue<string>(), entry["namespace"]!.GetValue<string>(), entry["name"]!.GetValue<string>());
    }
}
