using VmLifecycle.LocalCluster.Serving;

await LocalClusterApp.Build(args).RunAsync();
