using Microsoft.Extensions.Logging;

namespace VmLifecycle.Handler.Tests.Infrastructure;

/// <summary>Logs of the components under test, into the current test's output.</summary>
internal sealed class TestLogging : ILoggerProvider
{
    public static ILoggerFactory Factory { get; } = LoggerFactory.Create(b => b.AddProvider(new TestLogging()).SetMinimumLevel(LogLevel.Information));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName[(categoryName.LastIndexOf('.') + 1)..]);

    public void Dispose()
    {
    }

    private static readonly Lock _file = new();

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.Message)}";
            if (Environment.GetEnvironmentVariable("VM_LIFECYCLE_TEST_LOG") is { Length: > 0 } file)
            {
                lock (_file)
                {
                    File.AppendAllText(file, line + Environment.NewLine);
                }
            }

            try
            {
                TestContext.Current.TestOutputHelper?.WriteLine(line);
            }
            catch (InvalidOperationException)
            {
                // No test is running (a background loop after the test ended).
            }
        }
    }
}
