namespace VmLifecycle.Handler.Domains;

/// <summary>Everything the domain XML of one VMI is built from, resolved to node paths and numbers.</summary>
internal sealed record DomainPlan(
    DomainIdentity Identity,
    Guid Uuid,
    Accelerator Accelerator,
    string MachineType,
    CpuTopology Cpu,
    long MemoryKiB,
    KernelBootFiles? KernelBoot,
    IReadOnlyList<PlannedDisk> Disks,
    InstanceStateDirectory State,
    bool StartPaused);

/// <summary>The guest's vCPU topology; the vCPU count is their product.</summary>
internal sealed record CpuTopology(int Sockets, int Cores, int Threads)
{
    public int VCpus => Sockets * Cores * Threads;
}

/// <summary>Direct kernel boot: kernel, optional initrd, and the command line.</summary>
internal sealed record KernelBootFiles(string Kernel, string? Initrd, string CommandLine);
