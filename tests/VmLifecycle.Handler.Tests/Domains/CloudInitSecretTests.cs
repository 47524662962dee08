using Microsoft.Extensions.Options;
using VmLifecycle.Api.Domain;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.Volumes;
using VmLifecycle.Handler.Domains;
using VmLifecycle.Handler.Tests.Infrastructure;

namespace VmLifecycle.Handler.Tests.Domains;

/// <summary>
/// cloudInitNoCloud secretRef and networkDataSecretRef: the Secret's data read under KubeVirt's keys, written into a
/// real NoCloud seed ISO (read back with xorriso), and precise errors for a missing Secret or key.
/// </summary>
public sealed class CloudInitSecretTests : IDisposable
{
    private const string UserData = "#cloud-config\nhostname: from-secret\nruncmd: [echo hello]\n";
    private const string NetworkData = "version: 2\nethernets:\n  eth0:\n    dhcp4: true\n";
    private readonly string _root = Directory.CreateTempSubdirectory("cloudinit-secret-").FullName;
    private readonly InMemorySecretStore _secrets = new();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task The_seed_iso_of_a_secretRef_holds_the_secrets_user_data_and_network_data()
    {
        _secrets.Put("ns1", "vm1-userdata", new Dictionary<string, string> { ["userdata"] = UserData });
        _secrets.Put("ns1", "vm1-networkdata", new Dictionary<string, string> { ["networkData"] = NetworkData });
        var vmi = Vmi(new CloudInitNoCloudSource
        {
            SecretRef = new LocalObjectReference { Name = "vm1-userdata" },
            NetworkDataSecretRef = new LocalObjectReference { Name = "vm1-networkdata" },
        });

        var plan = await PlanAsync(vmi);
        await DiskMaterializer.CreateAsync(plan, TestContext.Current.CancellationToken);

        var iso = Assert.Single(plan.Disks).SourcePath;
        Assert.Equal("cidata", await SeedIso.VolumeIdAsync(iso));
        Assert.Equal(UserData, await SeedIso.ReadAsync(iso, "user-data"));
        Assert.Equal(NetworkData, await SeedIso.ReadAsync(iso, "network-config"));
        Assert.Equal($"instance-id: {vmi.Metadata.Uid}\nlocal-hostname: vm1\n", await SeedIso.ReadAsync(iso, "meta-data"));
    }

    [Fact]
    public async Task The_lowercase_key_is_read_first_and_the_camel_case_key_is_accepted_too()
    {
        _secrets.Put("ns1", "both", new Dictionary<string, string> { ["userData"] = "camel", ["userdata"] = "lower" });
        _secrets.Put("ns1", "camel", new Dictionary<string, string> { ["userData"] = "camel only" });

        var both = await PlanAsync(Vmi(new CloudInitNoCloudSource { SecretRef = new LocalObjectReference { Name = "both" } }));
        var camel = await PlanAsync(Vmi(new CloudInitNoCloudSource { SecretRef = new LocalObjectReference { Name = "camel" } }));

        Assert.Equal("lower", both.Disks[0].CloudInit!.UserData);
        Assert.Equal("camel only", camel.Disks[0].CloudInit!.UserData);
        Assert.Null(camel.Disks[0].CloudInit!.NetworkConfig);
    }

    [Fact]
    public async Task A_missing_secret_is_reported_with_the_volume_the_field_the_secret_and_the_namespace()
    {
        var vmi = Vmi(new CloudInitNoCloudSource { SecretRef = new LocalObjectReference { Name = "absent" } });

        var error = await Assert.ThrowsAsync<CloudInitSecretException>(() => PlanAsync(vmi));

        Assert.Equal("cloudInitNoCloud volume cloudinitdisk: secretRef secret \"absent\" not found in namespace ns1", error.Message);
    }

    [Fact]
    public async Task A_secret_without_the_key_is_reported_with_the_keys_that_were_looked_for()
    {
        _secrets.Put("ns1", "wrong-keys", new Dictionary<string, string> { ["user-data"] = UserData });
        var user = Vmi(new CloudInitNoCloudSource { SecretRef = new LocalObjectReference { Name = "wrong-keys" } });
        var network = Vmi(new CloudInitNoCloudSource { UserData = UserData, NetworkDataSecretRef = new LocalObjectReference { Name = "wrong-keys" } });

        var userError = await Assert.ThrowsAsync<CloudInitSecretException>(() => PlanAsync(user));
        var networkError = await Assert.ThrowsAsync<CloudInitSecretException>(() => PlanAsync(network));

        Assert.Equal("cloudInitNoCloud volume cloudinitdisk: secretRef secret \"wrong-keys\" in namespace ns1 has no key userdata or userData", userError.Message);
        Assert.Equal("cloudInitNoCloud volume cloudinitdisk: networkDataSecretRef secret \"wrong-keys\" in namespace ns1 has no key networkdata or networkData", networkError.Message);
    }

    [Fact]
    public async Task Inline_user_data_needs_no_secret()
    {
        var plan = await PlanAsync(Vmi(new CloudInitNoCloudSource { UserData = UserData }));

        Assert.Equal(UserData, plan.Disks[0].CloudInit!.UserData);
        Assert.Equal(0, _secrets.Reads);
    }

    private async Task<DomainPlan> PlanAsync(VirtualMachineInstance vmi)
    {
        var secrets = await new CloudInitSecretReader(_secrets).ReadAsync(vmi, TestContext.Current.CancellationToken);
        var planner = new DomainPlanner(new ImageStore(Options.Create(new ImageStoreOptions { Root = Path.Combine(_root, "images") })));
        return planner.Plan(vmi, "node-a", Path.Combine(_root, "state"), Accelerator.Tcg, secrets);
    }

    /// <summary>A VMI whose only disk is the cloud-init seed (no image needed).</summary>
    private static VirtualMachineInstance Vmi(CloudInitNoCloudSource cloudInit)
    {
        var vmi = TestGuest.Vmi("ns1", "vm1", "node-a");
        vmi.Spec.Domain.Firmware = null;
        vmi.Spec.Domain.Devices.Disks = [new Disk { Name = "cloudinitdisk", DiskTarget = new DiskTarget { Bus = "virtio" } }];
        vmi.Spec.Volumes = [new Volume { Name = "cloudinitdisk", CloudInitNoCloud = cloudInit }];
        return vmi;
    }
}
