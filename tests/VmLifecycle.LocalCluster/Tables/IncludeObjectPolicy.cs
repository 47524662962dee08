namespace VmLifecycle.LocalCluster.Tables;

/// <summary>The <c>includeObject</c> parameter of a Table request: what each row carries besides its cells.</summary>
internal enum IncludeObjectPolicy
{
    Metadata,
    Object,
    None,
}
