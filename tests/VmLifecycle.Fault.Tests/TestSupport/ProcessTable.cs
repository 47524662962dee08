using System.Globalization;

namespace VmLifecycle.Fault.Tests.TestSupport;

/// <summary>What /proc says about processes: command lines, mount namespaces, and the QEMUs of a libvirt namespace.</summary>
internal static class ProcessTable
{
    /// <summary>The command line with its arguments joined by spaces; "" for a process that is gone (or a zombie).</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').TrimEnd();
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>Whether <paramref name="pid"/> still runs the program <paramref name="marker"/> names (pids are reused).</summary>
    public static bool Runs(int pid, string marker) => CommandLine(pid).Contains(marker, StringComparison.Ordinal);

    /// <summary>
    /// The QEMU processes in the mount namespace <paramref name="mountNamespace"/> (the private libvirtd's) whose
    /// domain name starts with <paramref name="domainPrefix"/>: domain name and pid. A domain that libvirt does not
    /// list but has a QEMU here is an orphan; two QEMUs of one name are a duplicate.
    /// </summary>
    public static IReadOnlyList<(string Domain, int Pid)> Qemus(string mountNamespace, string domainPrefix)
    {
        var found = new List<(string, int)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string? ns;
            try
            {
                ns = new FileInfo(Path.Combine(directory, "ns", "mnt")).LinkTarget;
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (ns != mountNamespace)
            {
                continue;
            }

            var arguments = CommandLine(pid).Split(' ');
            var name = Array.IndexOf(arguments, "-name");
            if (!arguments[0].Contains("qemu-system", StringComparison.Ordinal) || name < 0 || name + 1 >= arguments.Length)
            {
                continue;
            }

            // -name guest=NAME,debug-threads=on
            var guest = arguments[name + 1].Split(',')[0];
            if (guest.StartsWith("guest=", StringComparison.Ordinal) && guest[6..].StartsWith(domainPrefix, StringComparison.Ordinal))
            {
                found.Add((guest[6..], pid));
            }
        }

        return found;
    }
}
