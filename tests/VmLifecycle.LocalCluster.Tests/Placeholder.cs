namespace VmLifecycle.LocalCluster.Tests;
