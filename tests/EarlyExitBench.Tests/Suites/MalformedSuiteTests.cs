using System.Text.RegularExpressions;
using EarlyExitBench.Harness.Cli;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Suites;

/// <summary>
/// The corpus under <c>Suites/Malformed</c>: each <c>NN-what.yaml</c> is a broken suite and <c>NN-what.expected</c>
/// holds every line the CLI must print for it (<c>{file}</c> is the suite's path, <c>{dir}</c> its folder, <c>…</c> any
/// text, used only for lists of available plugins and YamlDotNet's own wording). Each is run through the CLI entry.
/// </summary>
[Collection("Console")]
public class MalformedSuiteTests
{
    private static readonly string Folder = Path.Combine(TestPaths.RepoRoot, "tests", "EarlyExitBench.Tests", "Suites", "Malformed");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Fact]
    public void TheCorpusHasAtLeastFortySuitesEachWithItsExpectedErrors()
    {
        var suites = Directory.EnumerateFiles(Folder, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        var expected = Directory.EnumerateFiles(Folder, "*.expected").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();

        Assert.True(suites.Count >= 40, $"{suites.Count} malformed suites");
        Assert.Equal(suites, expected);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValidatePrintsExactlyTheExpectedErrorsAndExits2(string name)
    {
        var path = Path.Combine(Folder, name + ".yaml");

        var (code, output, errors) = InProcess.Run("validate", path);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(output);
        AssertLines(Expected(name, path), errors);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RunStopsBeforeAnyWorkWithTheSameErrors(string name)
    {
        var path = Path.Combine(Folder, name + ".yaml");
        var results = TestPaths.TempDirectory();

        var (code, output, errors) = InProcess.Run("run", path, "--out", results);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(output);
        AssertLines(Expected(name, path), errors);
        Assert.False(File.Exists(Path.Combine(results, "leaderboard.json")));
    }

    private static List<string> Expected(string name, string path) =>
        File.ReadAllLines(Path.Combine(Folder, name + ".expected"))
            .Where(l => l.Length > 0)
            .Select(l => l.Replace("{file}", path, StringComparison.Ordinal).Replace("{dir}", Folder, StringComparison.Ordinal))
            .ToList();

    private static void AssertLines(List<string> expected, string stderr)
    {
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(expected.Count == lines.Length, $"expected {expected.Count} lines, got {lines.Length}:\n{stderr}");
        for (var i = 0; i < lines.Length; i++)
        {
            var pattern = "^" + string.Join(".*", expected[i].Split('…').Select(Regex.Escape)) + "$";
            Assert.True(Regex.IsMatch(lines[i], pattern), $"line {i + 1}\nexpected: {expected[i]}\nactual:   {lines[i]}");
        }
    }
}
