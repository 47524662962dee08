using System.Runtime.InteropServices;

namespace VmLifecycle.Handler.Libvirt;

/// <summary>
/// Replaces libvirt's default error handler, which prints every error to stderr; errors reach the handler as
/// <see cref="LibvirtException"/> and its logs instead.
/// </summary>
internal static class LibvirtErrorSilencer
{
    public static unsafe void Install() => LibvirtNative.virSetErrorFunc(0, &Ignore);

    [UnmanagedCallersOnly]
    private static void Ignore(nint userData, nint error)
    {
    }
}
