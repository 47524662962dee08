using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Aggregator.Subresources;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Tests.Subresources;

public sealed class PatchFailuresTests
{
    [Fact]
    public void Failed_test_as_kube_apiserver_words_it_is_409_with_the_jsonpatch_phrase()
    {
        var failure = PatchFailures.Map(new KubernetesApiException(422, "", "testing value /status/stateChangeRequests failed: test failed"), VirtualMachine.KubeSingularName, "my-vm");

        Assert.Equal(409, failure.Code);
        Assert.Equal(
            KubeVirtMessages.Conflict(VirtualMachine.KubeSingularName, "my-vm", $"{KubeVirtMessages.JsonPatchTestFailed}: testing value /status/stateChangeRequests failed: test failed"),
            failure.Message);
    }

    [Fact]
    public void Failed_test_already_in_virt_api_words_is_passed_on()
    {
        var failure = PatchFailures.Map(new KubernetesApiException(422, "", KubeVirtMessages.JsonPatchTestFailed), VirtualMachine.KubeSingularName, "my-vm");

        Assert.Equal(KubeVirtMessages.Conflict(VirtualMachine.KubeSingularName, "my-vm", KubeVirtMessages.JsonPatchTestFailed), failure.Message);
    }

    [Fact]
    public void Vanished_object_is_404_and_other_errors_are_500()
    {
        Assert.Equal(KubeVirtMessages.VirtualMachineNotFound("my-vm"), PatchFailures.Map(new KubernetesApiException(404, "NotFound", "gone"), VirtualMachine.KubeSingularName, "my-vm").Message);

        var internalError = PatchFailures.Map(new KubernetesApiException(500, "", "etcd unavailable"), VirtualMachine.KubeSingularName, "my-vm");
        Assert.Equal(500, internalError.Code);
        Assert.Equal(KubeVirtMessages.InternalError("etcd unavailable"), internalError.Message);
    }
}
