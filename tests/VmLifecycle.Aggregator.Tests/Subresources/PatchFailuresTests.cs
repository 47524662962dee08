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
    public void Failed_test_in_the_causes_of_a_generic_422_is_409_with_the_patch_error()
    {
        var error = new KubernetesApiException(422, "Invalid", "the server rejected our request due to an error in our request")
        {
            Causes = ["testing value /status/stateChangeRequests failed: test failed"],
        };

        var failure = PatchFailures.Map(error, VirtualMachine.KubeSingularName, "my-vm");

        Assert.Equal(409, failure.Code);
        Assert.Equal(
            KubeVirtMessages.Conflict(VirtualMachine.KubeSingularName, "my-vm", $"{KubeVirtMessages.JsonPatchTestFailed}: testing value /status/stateChangeRequests failed: test failed"),
            failure.Message);
    }

    [Fact]
    public void A_generic_422_whose_cause_is_not_a_failed_test_is_500()
    {
        var error = new KubernetesApiException(422, "Invalid", "the server rejected our request due to an error in our request")
        {
            Causes = ["add operation does not apply: doc is missing path: \"/spec/template\""],
        };

        Assert.Equal(500, PatchFailures.Map(error, VirtualMachine.KubeSingularName, "my-vm").Code);
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
