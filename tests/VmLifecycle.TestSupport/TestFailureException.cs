namespace VmLifecycle.TestSupport;

/// <summary>
/// A test's failure found by a helper of this library (a condition that never held, a command that had to succeed),
/// with the message an <c>Assert</c> would have given. It implements <see cref="IAssertionException"/>, so xunit reports
/// it as an assertion failure, not as an unexpected exception, without this library referencing xunit.
/// </summary>
public sealed class TestFailureException : Exception, IAssertionException
{
    public TestFailureException()
    {
    }

    public TestFailureException(string message)
        : base(message)
    {
    }

    public TestFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
