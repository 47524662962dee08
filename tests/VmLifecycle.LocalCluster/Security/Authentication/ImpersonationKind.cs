namespace VmLifecycle.LocalCluster.Security.Authentication;

/// <summary>The kinds of <see cref="ImpersonationRequest"/>.</summary>
internal enum ImpersonationKind
{
    User,
    ServiceAccount,
    Group,
    UserExtra,
    Uid,
}
