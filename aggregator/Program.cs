using VmLifecycle.Aggregator.Hosting;

// Options come from appsettings, environment variables (Serving__Port=8443) or the command line (--Serving:Port=8443);
// see the README of this folder.
await using var app = AggregatorApplication.Build(args);
await app.RunAsync();
