namespace VmLifecycle.Aggregator.Hosting;

/// <summary>Builds the aggregator's web application.</summary>
internal static class AggregatorApplication
{
    /// <param name="args">Command line; options are configuration keys such as --Serving:Port=8443.</param>
    /// <param name="configure">
    /// Runs before the aggregator's own registrations, so that a host (the tests, the local cluster) can put its own
    /// implementations of the outside ports in place.
    /// </param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Nothing is reloaded on change (there is no appsettings.json): otherwise the host watches its content root, the
        // working directory, recursively, and every file written below it (serial logs, the local cluster's state log)
        // wakes a watcher thread.
        var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
        builder.Logging.AddSimpleConsole(console =>
        {
            console.IncludeScopes = true;
            console.SingleLine = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            console.UseUtcTimestamp = true;
        });
        // ASP.NET Core's per-request information logs would drown the aggregator's own; configuration can lower this again.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        configure?.Invoke(builder);
        builder.AddAggregator();
        builder.AddVmControllers();
        var app = builder.Build();
        app.UseAggregator();
        return app;
    }
}
