namespace VmLifecycle.TestSupport.Repository;

/// <summary>The checkout the tests run from: the nearest folder above the test's binaries that holds VmLifecycle.sln.</summary>
public static class RepositoryRoot
{
    public const string SolutionFile = "VmLifecycle.sln";

    private static readonly Lazy<string> Found = new(() => Find(AppContext.BaseDirectory));

    /// <summary>The repository root above <see cref="AppContext.BaseDirectory"/>, found once.</summary>
    public static string Path => Found.Value;

    /// <summary>The nearest folder at or above <paramref name="startDirectory"/> that holds VmLifecycle.sln.</summary>
    public static string Find(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFile} above {startDirectory}.");
    }
}
