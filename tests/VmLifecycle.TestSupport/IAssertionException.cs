namespace VmLifecycle.TestSupport;

/// <summary>
/// Marks an exception as an assertion failure. xunit v3 recognises the marker by its name (any interface named
/// <c>IAssertionException</c>, whatever its namespace or assembly), which is how assertion libraries that do not
/// reference xunit mark theirs; failures then read as assertion failures in the test results.
/// </summary>
#pragma warning disable CA1711 // The name is the contract: xunit matches an interface named IAssertionException.
public interface IAssertionException;
#pragma warning restore CA1711
