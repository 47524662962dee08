using System.Text;
using System.Text.Json;

namespace VmLifecycle.Fault.Tests.TestSupport;

/// <summary>A VM as the cluster has it.</summary>
internal sealed record VmView(string Name, string Uid, string RunStrategy, string PrintableStatus, bool Ready, int StateChangeRequests);

/// <summary>A VMI as the cluster has it.</summary>
internal sealed record VmiView(string Name, string Uid, string Phase, bool Ready, bool Deleting, string OwnerUid);

/// <summary>
/// One look at a namespace through every layer: its VMs and VMIs (kubectl), its domains (virsh on the private libvirtd)
/// and the QEMU processes of its domains (/proc, in the private libvirtd's mount namespace).
/// </summary>
internal sealed record Inventory(
    IReadOnlyList<VmView> Vms,
    IReadOnlyList<VmiView> Vmis,
    IReadOnlyList<LibvirtDomain> Domains,
    IReadOnlyList<(string Domain, int Pid)> Qemus)
{
    public static async Task<Inventory> TakeAsync(FaultStackFixture stack, string ns)
    {
        var listed = await stack.Admin.RunAsync("get", "virtualmachines,virtualmachineinstances", "-n", ns, "-o", "json");
        Assert.True(listed.ExitCode == 0, $"listing the VMs and VMIs of {ns} failed: {listed}");
        var vms = new List<VmView>();
        var vmis = new List<VmiView>();
        using (var document = JsonDocument.Parse(listed.Output))
        {
            foreach (var item in document.RootElement.GetProperty("items").EnumerateArray())
            {
                var metadata = item.GetProperty("metadata");
                var name = metadata.GetProperty("name").GetString()!;
                var uid = metadata.GetProperty("uid").GetString()!;
                var status = item.TryGetProperty("status", out var s) ? s : default;
                if (item.GetProperty("kind").GetString() == "VirtualMachine")
                {
                    vms.Add(new VmView(
                        name, uid,
                        item.GetProperty("spec").TryGetProperty("runStrategy", out var strategy) ? strategy.GetString()! : "",
                        Text(status, "printableStatus"),
                        status.ValueKind == JsonValueKind.Object && status.TryGetProperty("ready", out var ready) && ready.ValueKind == JsonValueKind.True,
                        status.ValueKind == JsonValueKind.Object && status.TryGetProperty("stateChangeRequests", out var requests) && requests.ValueKind == JsonValueKind.Array ? requests.GetArrayLength() : 0));
                }
                else
                {
                    var owner = metadata.TryGetProperty("ownerReferences", out var owners) && owners.GetArrayLength() > 0
                        ? owners[0].GetProperty("uid").GetString()! : "";
                    vmis.Add(new VmiView(name, uid, Text(status, "phase"), ConditionTrue(status, "Ready"), metadata.TryGetProperty("deletionTimestamp", out _), owner));
                }
            }
        }

        var domains = await stack.Virsh.DomainsAsync(ns + "_");
        var qemus = ProcessTable.Qemus(stack.LibvirtMountNamespace, ns + "_");
        return new Inventory(vms, vmis, domains, qemus);
    }

    /// <summary>
    /// Everything that is wrong with the namespace's VMs, judged against their own spec.runStrategy: Always means one
    /// Running, Ready VMI and one running domain (UUID = the VMI's uid) with one QEMU; Halted means no VMI, no domain and
    /// no QEMU. Plus: no VMI without its VM, no domain or QEMU without its VMI, no pending state change requests.
    /// Empty when the namespace has converged.
    /// </summary>
    public IReadOnlyList<string> Problems(IReadOnlyCollection<string> expectedVms)
    {
        var problems = new List<string>();
        foreach (var lost in expectedVms.Except(Vms.Select(vm => vm.Name)))
        {
            problems.Add($"VM {lost} is lost");
        }

        foreach (var vm in Vms)
        {
            var vmis = Vmis.Where(vmi => vmi.Name == vm.Name).ToList();
            var domains = Domains.Where(domain => domain.Name.EndsWith("_" + vm.Name, StringComparison.Ordinal)).ToList();
            var qemus = Qemus.Count(qemu => qemu.Domain.EndsWith("_" + vm.Name, StringComparison.Ordinal));
            if (vm.StateChangeRequests > 0)
            {
                problems.Add($"VM {vm.Name} has {vm.StateChangeRequests} pending state change request(s)");
            }

            switch (vm.RunStrategy)
            {
                case "Always":
                    var vmi = vmis.SingleOrDefault();
                    if (vmi is null || vmi.Phase != "Running" || !vmi.Ready || vmi.Deleting || vmi.OwnerUid != vm.Uid)
                    {
                        problems.Add($"VM {vm.Name} (Always) has no Running, Ready VMI of its own: {Describe(vmis)}");
                    }
                    else if (domains.Count != 1 || !domains[0].Active || domains[0].Uuid != vmi.Uid)
                    {
                        problems.Add($"VM {vm.Name} (Always): VMI {vmi.Uid} has domains [{string.Join(", ", domains)}]");
                    }

                    if (qemus != 1)
                    {
                        problems.Add($"VM {vm.Name} (Always) has {qemus} QEMU processes");
                    }

                    if (vm.PrintableStatus != "Running" || !vm.Ready)
                    {
                        problems.Add($"VM {vm.Name} (Always) shows {vm.PrintableStatus}, ready={vm.Ready}");
                    }

                    break;
                case "Halted":
                    if (vmis.Count > 0 || domains.Count > 0 || qemus > 0)
                    {
                        problems.Add($"VM {vm.Name} (Halted) still has VMIs {Describe(vmis)}, domains [{string.Join(", ", domains)}], {qemus} QEMU(s)");
                    }

                    if (vm.PrintableStatus != "Stopped")
                    {
                        problems.Add($"VM {vm.Name} (Halted) shows {vm.PrintableStatus}");
                    }

                    break;
                default:
                    problems.Add($"VM {vm.Name} has runStrategy '{vm.RunStrategy}'");
                    break;
            }
        }

        foreach (var stray in Vmis.Where(vmi => Vms.All(vm => vm.Name != vmi.Name)))
        {
            problems.Add($"VMI {stray.Name} has no VM");
        }

        foreach (var orphan in Domains.Where(domain => Vmis.All(vmi => vmi.Uid != domain.Uuid)))
        {
            problems.Add($"domain {orphan.Name} ({orphan.Uuid}) belongs to no VMI");
        }

        foreach (var group in Qemus.GroupBy(qemu => qemu.Domain).Where(group => group.Count() > 1 || Domains.All(domain => domain.Name != group.Key || !domain.Active)))
        {
            problems.Add($"QEMU {string.Join(", ", group.Select(qemu => qemu.Pid))} of {group.Key} is a duplicate or unknown to libvirt");
        }

        return problems;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"VMs: {string.Join("; ", Vms)}");
        text.AppendLine($"VMIs: {Describe(Vmis)}");
        text.AppendLine($"domains: {string.Join("; ", Domains)}");
        text.Append($"QEMUs: {string.Join("; ", Qemus)}");
        return text.ToString();
    }

    private static string Describe(IEnumerable<VmiView> vmis) => "[" + string.Join("; ", vmis) + "]";

    private static string Text(JsonElement status, string property) =>
        status.ValueKind == JsonValueKind.Object && status.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static bool ConditionTrue(JsonElement status, string type) =>
        status.ValueKind == JsonValueKind.Object && status.TryGetProperty("conditions", out var conditions) && conditions.ValueKind == JsonValueKind.Array
        && conditions.EnumerateArray().Any(condition => condition.GetProperty("type").GetString() == type && condition.GetProperty("status").GetString() == "True");
}
