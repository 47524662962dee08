using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>
/// The spec patch that starts or halts a VM, as virt-api's getRunningPatch: test and replace spec.runStrategy
/// (Always or Halted) or, when only the deprecated spec.running is used, spec.running. With neither field set (an
/// implicit Halted) runStrategy is added, since a replace of a missing member would fail.
/// </summary>
internal static class RunningPatch
{
    public static JsonPatch Build(VirtualMachine vm, bool running)
    {
        var runStrategy = running ? RunStrategy.Always : RunStrategy.Halted;
        if (vm.Spec.RunStrategy is { } current)
        {
            return new JsonPatch()
                .Test("/spec/runStrategy", JsonPatch.Value(current.ToString()))
                .Replace("/spec/runStrategy", JsonPatch.Value(runStrategy.ToString()));
        }

        if (vm.Spec.Running is { } currentRunning)
        {
            return new JsonPatch()
                .Test("/spec/running", JsonPatch.Value(currentRunning))
                .Replace("/spec/running", JsonPatch.Value(running));
        }

        return new JsonPatch().Add("/spec/runStrategy", JsonPatch.Value(runStrategy.ToString()));
    }
}
