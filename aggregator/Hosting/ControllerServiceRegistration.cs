using k8s;
using k8s.Models;
using VmLifecycle.Aggregator.Controllers;
using VmLifecycle.Aggregator.Reconciliation;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Hosting;

/// <summary>
/// Registers the VM and VMI controllers with their informers (VirtualMachines, VirtualMachineInstances, Nodes), run by
/// <see cref="LeaderElectedControllerHost"/> only while this replica holds the Lease. Configuration section "Controllers".
/// </summary>
internal static class ControllerServiceRegistration
{
    public static WebApplicationBuilder AddVmControllers(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(ControllerOptions.SectionName);
        services.AddOptions<ControllerOptions>().Bind(section);
        if (!(section.Get<ControllerOptions>() ?? new ControllerOptions()).Enabled)
        {
            return builder;
        }

        var informerOptions = section.GetSection("Informers").Get<InformerOptions>() ?? new InformerOptions();
        var reconcilerOptions = section.GetSection("Reconcilers").Get<ReconcilerOptions>() ?? new ReconcilerOptions();
        var electionOptions = section.GetSection("LeaderElection").Get<LeaderElectionOptions>() ?? new LeaderElectionOptions();
        services.AddSingleton(informerOptions);
        services.AddSingleton(reconcilerOptions);
        services.AddSingleton(electionOptions);

        services.AddSingleton<IListWatchClient<VirtualMachine>>(provider => new CustomResourceListWatch<VirtualMachine>(provider.GetRequiredService<IKubernetes>(), informerOptions));
        services.AddSingleton<IListWatchClient<VirtualMachineInstance>>(provider => new CustomResourceListWatch<VirtualMachineInstance>(provider.GetRequiredService<IKubernetes>(), informerOptions));
        services.AddSingleton<IListWatchClient<V1Node>>(provider => new NodeListWatch(provider.GetRequiredService<IKubernetes>(), informerOptions));
        services.AddSingleton<Informer<VirtualMachine>>();
        services.AddSingleton<Informer<VirtualMachineInstance>>();
        services.AddSingleton<Informer<V1Node>>();
        services.AddSingleton<IInformer>(provider => provider.GetRequiredService<Informer<VirtualMachine>>());
        services.AddSingleton<IInformer>(provider => provider.GetRequiredService<Informer<VirtualMachineInstance>>());
        services.AddSingleton<IInformer>(provider => provider.GetRequiredService<Informer<V1Node>>());

        services.AddSingleton(provider => new EntityReconciler<VirtualMachine>(
                provider.GetRequiredService<Informer<VirtualMachine>>(), provider.GetRequiredService<IServiceScopeFactory>(), reconcilerOptions,
                provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<EntityReconciler<VirtualMachine>>>())
            .Watches(provider.GetRequiredService<Informer<VirtualMachineInstance>>(), OwningVirtualMachine));
        services.AddSingleton(provider =>
        {
            var vmis = provider.GetRequiredService<Informer<VirtualMachineInstance>>();
            return new EntityReconciler<VirtualMachineInstance>(
                    vmis, provider.GetRequiredService<IServiceScopeFactory>(), reconcilerOptions,
                    provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<EntityReconciler<VirtualMachineInstance>>>())
                .Watches(provider.GetRequiredService<Informer<V1Node>>(), change => InstancesConcernedBy(change, vmis.Cache));
        });
        services.AddSingleton<IReconcileLoop>(provider => provider.GetRequiredService<EntityReconciler<VirtualMachine>>());
        services.AddSingleton<IReconcileLoop>(provider => provider.GetRequiredService<EntityReconciler<VirtualMachineInstance>>());

        services.AddSingleton<KubeVirtObjectWriter>();
        services.AddSingleton<VirtualMachineExpectations>();
        services.AddSingleton<StartFailureBackoff>();
        services.AddScoped<IEntityController<VirtualMachine>, VirtualMachineController>();
        services.AddScoped<IEntityController<VirtualMachineInstance>, VirtualMachineInstanceController>();

        services.AddSingleton<ControllerRuntime>();
        services.AddSingleton<LeaderElectedControllerHost>();
        services.AddHostedService(provider => provider.GetRequiredService<LeaderElectedControllerHost>());
        return builder;
    }

    // A VMI's change concerns the VM that controls it (or, like KubeVirt's orphan matching, the VM of the same name).
    private static IEnumerable<EntityKey> OwningVirtualMachine(InformerEvent<VirtualMachineInstance> change)
    {
        var metadata = change.Entity.Metadata;
        var owner = metadata?.OwnerReferences?.FirstOrDefault(reference => reference.Controller == true);
        if (metadata is null || (owner is not null && owner.Kind != VirtualMachine.KubeKind))
        {
            return [];
        }

        return [new EntityKey(metadata.NamespaceProperty, owner?.Name ?? metadata.Name)];
    }

    // A node's change (heartbeat, labels, deletion) concerns the VMIs waiting for a node and those running on it.
    private static IEnumerable<EntityKey> InstancesConcernedBy(InformerEvent<V1Node> change, EntityCache<VirtualMachineInstance> vmis)
    {
        var node = change.Entity.Metadata?.Name;
        return vmis.List()
            .Where(vmi => !vmi.IsFinal() && (vmi.IsUnscheduled() || vmi.Status?.NodeName == node))
            .Select(EntityKey.Of);
    }
}
