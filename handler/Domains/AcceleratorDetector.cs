namespace VmLifecycle.Handler.Domains;

/// <summary>
/// Chooses KVM only when it can really run a guest: /dev/kvm AND the kvm_intel or kvm_amd module. A /dev/kvm alone is
/// not enough (hack/README.md: a kvm_pvm /dev/kvm on these machines accepts -accel kvm but boots nothing), and
/// libvirt's domain capabilities list kvm there too. Configuration can force TCG.
/// </summary>
internal static class AcceleratorDetector
{
    public static Accelerator Detect(bool forceTcg, string root = "/") =>
        !forceTcg
        && File.Exists(Path.Combine(root, "dev/kvm"))
        && (Directory.Exists(Path.Combine(root, "sys/module/kvm_intel")) || Directory.Exists(Path.Combine(root, "sys/module/kvm_amd")))
            ? Accelerator.Kvm
            : Accelerator.Tcg;
}
