namespace VmLifecycle.Handler.Libvirt;

/// <summary>A domain's state and the reason for it, as virDomainGetState reports them.</summary>
internal readonly record struct DomainStatus(DomainState State, int Reason)
{
    public bool IsActive => State is not (DomainState.Shutoff or DomainState.NoState);

    public bool IsPausedByUser => State == DomainState.Paused && Reason == DomainStateReasons.PausedUser;

    public override string ToString() => $"{State}({Reason})";
}
