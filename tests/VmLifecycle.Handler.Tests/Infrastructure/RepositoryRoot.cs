// The repository root (RepositoryRoot.Path: the folder of VmLifecycle.sln above the test's binaries) is the one the
// test projects share: tests/VmLifecycle.TestSupport/Repository/RepositoryRoot.cs.
global using VmLifecycle.TestSupport.Repository;
