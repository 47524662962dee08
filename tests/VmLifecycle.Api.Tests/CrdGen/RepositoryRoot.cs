namespace VmLifecycle.Api.Tests.CrdGen;

/// <summary>The checkout the tests run from, found by walking up to VmLifecycle.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "VmLifecycle.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No VmLifecycle.sln above {AppContext.BaseDirectory}.");
    }
}
