namespace VmLifecycle.Handler.Domains;

/// <summary>How QEMU runs the guest: libvirt domain type kvm, or qemu (TCG, software emulation).</summary>
internal enum Accelerator
{
    Tcg,
    Kvm,
}
