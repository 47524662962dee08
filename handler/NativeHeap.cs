using System.Runtime.InteropServices;

namespace VmLifecycle.Handler;

/// <summary>
/// glibc's malloc gives each thread that allocates an arena of its own, up to 8 per core, and keeps the memory freed in
/// each: the runtime, the JIT, OpenSSL and libvirt allocate from the handler's ~20 threads, and a burst of VMI starts
/// leaves several partly used arenas resident. Two arenas cost no measurable contention in a daemon that waits on libvirt
/// and the API server, and save ~5 MiB of peak RSS with 10 VMIs starting at once. Set once, first thing, before the
/// host starts its threads; <c>MALLOC_ARENA_MAX</c> in the environment (read by glibc itself) wins.
/// </summary>
internal static partial class NativeHeap
{
    public const int DefaultArenaLimit = 2;
    private const int M_ARENA_MAX = -8;
    private static int _applied;

    /// <summary>The arena limit to set: none when the environment sets one (glibc has applied it already).</summary>
    internal static int? ArenaLimit(string? environmentValue) =>
        string.IsNullOrWhiteSpace(environmentValue) ? DefaultArenaLimit : null;

    /// <summary>Limits glibc's malloc arenas (Linux with glibc only; elsewhere nothing happens). True when it was set.</summary>
    public static bool LimitArenas()
    {
        if (!OperatingSystem.IsLinux() || Interlocked.Exchange(ref _applied, 1) != 0
            || ArenaLimit(Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX")) is not { } limit)
        {
            return false;
        }

        return TrySetArenaLimit(limit);
    }

    /// <summary>mallopt(M_ARENA_MAX, limit); false where there is no glibc.</summary>
    internal static bool TrySetArenaLimit(int limit)
    {
        try
        {
            return mallopt(M_ARENA_MAX, limit) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // Not glibc (musl has no arenas to limit).
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int mallopt(int param, int value);
}
