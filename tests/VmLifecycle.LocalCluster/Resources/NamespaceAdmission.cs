using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Storage;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>kube-apiserver's NamespaceLifecycle admission: new content needs an existing namespace that is not terminating.</summary>
internal sealed class NamespaceAdmission(ObjectStore store)
{
    public void AdmitCreate(ResourceDefinition definition, string @namespace)
    {
        if (!definition.Namespaced)
        {
            return;
        }

        var namespaceObject = store.Get(new ObjectKey(BuiltInResources.Namespaces.StorageKey, "", @namespace))
            ?? throw ApiStatus.NotFound("namespaces", "", @namespace);
        if (ObjectMeta.IsDeleting(namespaceObject))
        {
            throw ApiStatus.Forbidden(definition.Resource, definition.Group, "",
                $"{definition.QualifiedResource} is forbidden: unable to create new content in namespace {@namespace} because it is being terminated");
        }
    }
}
