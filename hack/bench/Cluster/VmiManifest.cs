using System.Text.Json.Nodes;

namespace VmLifecycle.Bench.Cluster;

/// <summary>
/// The VMI of examples/vmi.yaml (the test guest, 1 core, 128Mi, a containerDisk and a NoCloud disk) under another name,
/// with terminationGracePeriodSeconds 0 so that deleting it between runs destroys the domain at once.
/// </summary>
internal static class VmiManifest
{
    private const string Image = "localhost/vm-lifecycle/test-guest:latest";

    public static JsonObject For(string @namespace, string name) => new()
    {
        ["apiVersion"] = "kubevirt.io/v1",
        ["kind"] = "VirtualMachineInstance",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = @namespace,
            ["labels"] = new JsonObject { ["app"] = "vm-lifecycle-bench" },
        },
        ["spec"] = new JsonObject
        {
            ["terminationGracePeriodSeconds"] = 0,
            ["domain"] = new JsonObject
            {
                ["cpu"] = new JsonObject { ["cores"] = 1 },
                ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["memory"] = "128Mi" } },
                ["firmware"] = new JsonObject
                {
                    ["kernelBoot"] = new JsonObject
                    {
                        ["kernelArgs"] = "console=ttyS0 quiet no_timer_check",
                        ["container"] = new JsonObject
                        {
                            ["image"] = Image,
                            ["kernelPath"] = "/boot/vmlinuz",
                            ["initrdPath"] = "/boot/initramfs.gz",
                        },
                    },
                },
                ["devices"] = new JsonObject
                {
                    ["disks"] = new JsonArray(
                        new JsonObject { ["name"] = "containerdisk", ["disk"] = new JsonObject { ["bus"] = "virtio" } },
                        new JsonObject { ["name"] = "cloudinitdisk", ["disk"] = new JsonObject { ["bus"] = "virtio" } }),
                },
            },
            ["volumes"] = new JsonArray(
                new JsonObject
                {
                    ["name"] = "containerdisk",
                    ["containerDisk"] = new JsonObject { ["image"] = Image, ["path"] = "/disk/disk.img" },
                },
                new JsonObject
                {
                    ["name"] = "cloudinitdisk",
                    ["cloudInitNoCloud"] = new JsonObject { ["userData"] = $"#cloud-config\nhostname: {name}\n" },
                }),
        },
    };
}
