using VmLifecycle.Handler.Domains;

namespace VmLifecycle.Handler.Tests.Domains;

/// <summary>Image references map to store directories as hack/make-guest.sh lays them out.</summary>
public sealed class ImageStoreTests
{
    [Theory]
    [InlineData("localhost/vm-lifecycle/test-guest:latest", "localhost/vm-lifecycle/test-guest/latest")]
    [InlineData("localhost/vm-lifecycle/test-guest", "localhost/vm-lifecycle/test-guest/latest")]
    [InlineData("registry.example:5000/a/b:v2", "registry.example:5000/a/b/v2")]
    [InlineData("quay.io/x/y@sha256:abc", "quay.io/x/y/sha256:abc")]
    public void A_reference_maps_to_registry_path_and_tag_directories(string reference, string directory) =>
        Assert.Equal(directory, ImageStore.RelativeDirectory(reference));

    [Theory]
    [InlineData("../etc:latest")]
    [InlineData("/absolute:latest")]
    [InlineData("")]
    public void References_that_would_leave_the_store_are_rejected(string reference) =>
        Assert.Throws<ArgumentException>(() => ImageStore.RelativeDirectory(reference));

    [Fact]
    public void Domain_names_carry_namespace_and_name_and_split_back()
    {
        var name = DomainName.For("my-ns", "my-vm");

        Assert.Equal("my-ns_my-vm", name);
        Assert.True(DomainName.TryParse(name, out var ns, out var vm));
        Assert.Equal(("my-ns", "my-vm"), (ns, vm));
        Assert.False(DomainName.TryParse("no-separator", out _, out _));
    }

    [Fact]
    public void Kvm_is_chosen_only_with_dev_kvm_and_a_kvm_vendor_module_and_never_when_tcg_is_forced()
    {
        var root = Path.Combine(Path.GetTempPath(), "handler-kvm-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "dev"));
            File.WriteAllText(Path.Combine(root, "dev", "kvm"), "");
            Assert.Equal(Accelerator.Tcg, AcceleratorDetector.Detect(forceTcg: false, root));

            Directory.CreateDirectory(Path.Combine(root, "sys", "module", "kvm_amd"));
            Assert.Equal(Accelerator.Kvm, AcceleratorDetector.Detect(forceTcg: false, root));
            Assert.Equal(Accelerator.Tcg, AcceleratorDetector.Detect(forceTcg: true, root));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
