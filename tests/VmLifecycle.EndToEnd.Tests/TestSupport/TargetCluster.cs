namespace VmLifecycle.EndToEnd.Tests.TestSupport;

/// <summary>
/// The cluster the suite runs against. By default an isolated local stack (hack/local-up.sh). With
/// <c>VM_LIFECYCLE_E2E_KUBECONFIG</c> naming a kubeconfig, the cluster it selects, where the chart is already
/// installed (e.g. by hack/kind-up.sh); its user must be allowed to impersonate and to create namespaces and
/// RoleBindings. The optional variables describe that installation.
/// </summary>
/// <param name="ExternalKubeconfig">The external cluster's kubeconfig, or null for a local stack.</param>
/// <param name="ReleaseNamespace">Where the chart runs (the controllers' Lease, the handler pods).</param>
/// <param name="HandlerSelector">The label selector of the chart's handler pods.</param>
/// <param name="HandlerStateDirectory">The handler's state directory inside its pod (the chart's handler.stateDirectory).</param>
/// <param name="PluginDirectory">Where kubectl-virt and virtctl are, or null for the local stack's .local/bin.</param>
internal sealed record TargetCluster(
    string? ExternalKubeconfig, string ReleaseNamespace, string HandlerSelector, string HandlerStateDirectory, string? PluginDirectory)
{
    public const string KubeconfigVariable = "VM_LIFECYCLE_E2E_KUBECONFIG";

    public bool IsExternal => ExternalKubeconfig is not null;

    public static TargetCluster FromEnvironment()
    {
        var kubeconfig = Variable(KubeconfigVariable);
        if (kubeconfig is not null && !File.Exists(kubeconfig))
        {
            // Fail loudly: falling back to a local stack would test something else than was asked for.
            throw new InvalidOperationException($"{KubeconfigVariable}={kubeconfig}: no such file");
        }

        return new TargetCluster(
            kubeconfig is null ? null : Path.GetFullPath(kubeconfig),
            Variable("VM_LIFECYCLE_E2E_NAMESPACE") ?? "vm-lifecycle",
            Variable("VM_LIFECYCLE_E2E_HANDLER_SELECTOR") ?? "app.kubernetes.io/name=vm-lifecycle,app.kubernetes.io/component=handler",
            Variable("VM_LIFECYCLE_E2E_HANDLER_STATE_DIR") ?? "/var/lib/vm-lifecycle/handler",
            Variable("VM_LIFECYCLE_E2E_PLUGIN_DIR"));
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
