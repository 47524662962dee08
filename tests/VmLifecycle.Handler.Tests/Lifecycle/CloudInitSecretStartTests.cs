using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.Domain;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.Volumes;
using VmLifecycle.Handler.Libvirt;
using VmLifecycle.Handler.Lifecycle;
using VmLifecycle.Handler.Tests.Infrastructure;

namespace VmLifecycle.Handler.Tests.Lifecycle;

/// <summary>A VMI whose cloud-init user data is in a Secret, on the real libvirt: it waits for the Secret, then boots.</summary>
public sealed class CloudInitSecretStartTests(LibvirtFixture libvirt)
{
    private const string UserData = "#cloud-config\nhostname: secret-seed\n";

    [Fact]
    public async Task A_vmi_waits_with_a_precise_status_until_its_secret_and_key_exist_then_boots_with_the_secrets_user_data()
    {
        var store = new InMemoryVmiStore();
        var secrets = new InMemorySecretStore();
        await using var handler = new HandlerStack(libvirt, store, secrets: secrets);
        await handler.StartAsync();
        var spec = TestGuest.Vmi(libvirt.Namespace, "secretseed", handler.Node);
        spec.Spec.Domain.Devices.Disks = [.. spec.Spec.Domain.Devices.Disks!, new Disk { Name = "cloudinitdisk", DiskTarget = new DiskTarget { Bus = "virtio" } }];
        spec.Spec.Volumes = [.. spec.Spec.Volumes!, new Volume { Name = "cloudinitdisk", CloudInitNoCloud = new CloudInitNoCloudSource { SecretRef = new LocalObjectReference { Name = "secretseed-userdata" } } }];
        var vmi = store.Create(spec);

        var missing = await store.WaitForAsync(vmi, v => SynchronizedMessage(v) is not null, "Synchronized False for the missing Secret", TimeSpan.FromSeconds(30));
        Assert.Equal(
            $"cloudInitNoCloud volume cloudinitdisk: secretRef secret \"secretseed-userdata\" not found in namespace {libvirt.Namespace}",
            SynchronizedMessage(missing));
        Assert.Equal(HandlerReasons.SyncFailed, VmiAssertions.Condition(missing, ConditionTypes.Synchronized)!.Reason);
        Assert.Null(handler.Domains.Find(libvirt.Namespace, "secretseed"));
        Assert.NotEqual(VirtualMachineInstancePhase.Running, missing.Status!.Phase);

        secrets.Put(libvirt.Namespace, "secretseed-userdata", new Dictionary<string, string> { ["user-data"] = UserData });
        var noKey = await store.WaitForAsync(vmi, v => SynchronizedMessage(v)?.Contains("has no key", StringComparison.Ordinal) == true, "Synchronized False for the missing key", TimeSpan.FromSeconds(60));
        Assert.Equal(
            $"cloudInitNoCloud volume cloudinitdisk: secretRef secret \"secretseed-userdata\" in namespace {libvirt.Namespace} has no key userdata or userData",
            SynchronizedMessage(noKey));
        Assert.Null(handler.Domains.Find(libvirt.Namespace, "secretseed"));

        secrets.Put(libvirt.Namespace, "secretseed-userdata", new Dictionary<string, string> { ["userData"] = UserData });
        var running = await store.WaitForAsync(
            vmi,
            v => v.Status?.Phase == VirtualMachineInstancePhase.Running && VmiAssertions.IsTrue(v, ConditionTypes.Ready),
            "Running and Ready once the Secret has its key",
            TimeSpan.FromSeconds(90));
        Assert.Null(VmiAssertions.Condition(running, ConditionTypes.Synchronized));

        // The domain runs with the seed built from the Secret (that the guest sees a cloud-init disk is VolumeTests' part).
        var domain = handler.Domains.Find(libvirt.Namespace, "secretseed")!;
        var iso = Path.Combine(Path.GetDirectoryName(handler.SerialLog(vmi))!, "cloudinit-cloudinitdisk.iso");
        Assert.Equal(vmi.Metadata.Uid, domain.Identity!.Uid);
        Assert.Equal(DomainState.Running, domain.Status.State);
        Assert.Equal(UserData, await SeedIso.ReadAsync(iso, "user-data"));
        Assert.Equal("cidata", await SeedIso.VolumeIdAsync(iso));

        store.Delete(libvirt.Namespace, "secretseed", gracePeriodSeconds: 0);
        await store.WaitForGoneAsync(vmi, TimeSpan.FromSeconds(10));
    }

    private static string? SynchronizedMessage(VirtualMachineInstance vmi) =>
        VmiAssertions.Condition(vmi, ConditionTypes.Synchronized) is { Status: ConditionStatus.False } condition ? condition.Message : null;
}
