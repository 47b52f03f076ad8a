namespace EarlyExitBench.Tests.Support;

/// <summary>Folders of the checkout the tests run from.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Plugins => Path.Combine(RepoRoot, "artifacts", "plugins");

    public static string TestPlugin(string name) => Path.Combine(RepoRoot, "artifacts", "test-plugins", "TestPlugin." + name);

    public static string TempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "eebench-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EarlyExitBench.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EarlyExitBench.sln not found above " + AppContext.BaseDirectory);
    }
}
