using VmLifecycle.Api.Subresources;
using VmLifecycle.Api.Tests.Serialization;

namespace VmLifecycle.Api.Tests.Subresources;

public sealed class SubresourceOptionsTests
{
    // The request bodies of the reference, section 1, exactly as virtctl and KubeVirt's clients send them.
    [Theory]
    [InlineData(Serializer.KubernetesJson)]
    [InlineData(Serializer.ApiJsonContext)]
    public void Every_lifecycle_body_of_KubeVirt_parses(Serializer serializer)
    {
        var start = serializer.Read<StartOptions>("""{"paused": true, "dryRun": ["All"]}""");
        var stop = serializer.Read<StopOptions>("""{"gracePeriod": 0, "dryRun": ["All"]}""");
        var restart = serializer.Read<RestartOptions>("""{"gracePeriodSeconds": 0, "dryRun": ["All"]}""");
        var pause = serializer.Read<PauseOptions>("""{"dryRun": ["All"]}""");
        var unpause = serializer.Read<UnpauseOptions>("""{"dryRun": ["All"]}""");
        var rename = serializer.Read<RenameOptions>("""{"newName": "new-vm", "oldName": "my-vm"}""");

        Assert.True(start.Paused);
        Assert.Equal(0, stop.GracePeriod);
        Assert.Equal(0, restart.GracePeriodSeconds);
        Assert.All([start.DryRun, stop.DryRun, restart.DryRun, pause.DryRun, unpause.DryRun], dryRun => Assert.Equal([DryRunValues.All], dryRun!));
        Assert.Equal(("new-vm", "my-vm"), (rename.NewName, rename.OldName));
    }

    [Theory]
    [InlineData(Serializer.KubernetesJson)]
    [InlineData(Serializer.ApiJsonContext)]
    public void Bodies_with_inline_TypeMeta_parse(Serializer serializer)
    {
        var stop = serializer.Read<StopOptions>("""{"kind":"StopOptions","apiVersion":"subresources.kubevirt.io/v1","gracePeriod":30}""");

        Assert.Equal(("StopOptions", KubeVirtGroup.SubresourceApiVersion, 30L), (stop.Kind, stop.ApiVersion, stop.GracePeriod));
    }

    [Theory]
    [InlineData(Serializer.KubernetesJson)]
    [InlineData(Serializer.ApiJsonContext)]
    public void An_empty_body_means_no_options(Serializer serializer)
    {
        var start = serializer.Read<StartOptions>("{}");
        var stop = serializer.Read<StopOptions>("{}");

        Assert.Null(start.Paused);
        Assert.Null(start.DryRun);
        Assert.Null(stop.GracePeriod);
    }

    [Theory]
    [InlineData(Serializer.KubernetesJson)]
    [InlineData(Serializer.ApiJsonContext)]
    public void Unknown_fields_in_a_body_are_ignored_as_Go_does(Serializer serializer)
    {
        var restart = serializer.Read<RestartOptions>("""{"gracePeriodSeconds":0,"force":true}""");

        Assert.Equal(0, restart.GracePeriodSeconds);
    }

    [Theory]
    [InlineData(Serializer.KubernetesJson)]
    [InlineData(Serializer.ApiJsonContext)]
    public void A_zero_grace_period_is_written_and_unset_fields_are_not(Serializer serializer)
    {
        JsonAssert.Equivalent("""{"gracePeriod":0}""", serializer.Write(new StopOptions { GracePeriod = 0 }));
        JsonAssert.Equivalent("""{"gracePeriodSeconds":0,"dryRun":["All"]}""", serializer.Write(new RestartOptions { GracePeriodSeconds = 0, DryRun = [DryRunValues.All] }));
        JsonAssert.Equivalent("""{"paused":true}""", serializer.Write(new StartOptions { Paused = true }));
        JsonAssert.Equivalent("{}", serializer.Write(new PauseOptions()));
        JsonAssert.Equivalent("""{"newName":"b"}""", serializer.Write(new RenameOptions { NewName = "b" }));
    }
}
