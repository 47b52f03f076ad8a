using System.Text.Json.Nodes;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Docs;

/// <summary>
/// CONTRIBUTING.md, run: every <c>```bash test</c> block, verbatim and in order, in an empty folder outside the checkout,
/// with <c>EEBENCH</c> set to it. NuGet restores offline and from a fresh packages folder: EarlyExitBench.* only from the
/// guide's own feed (never a stale copy in the machine's cache), everything else from the packages already on the
/// machine. Slow-ish (four small projects built and tested, one tiny training run), so it runs alone.
/// </summary>
[Collection(nameof(ContributingGuideTests))]
[CollectionDefinition(nameof(ContributingGuideTests), DisableParallelization = true)]
public class ContributingGuideTests
{
    private static readonly string Guide = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "CONTRIBUTING.md"));

    [Fact]
    public void TheGuideMarksTheWholeCalibratorPathForTesting()
    {
        var script = GuideScript.Script(Guide);

        foreach (var step in new[] { "dotnet new install", "dotnet pack", "dotnet new eebench-calibrator", "dotnet test ShrinkCalibrator", "eebench\" evaluate", "plugins: [", "eebench\" validate", "dotnet new eebench-metric", "dotnet new eebench-failure-predictor", "dotnet new eebench-architecture", "eebench\" run", "dotnet pack \"$EEBENCH/src/Testing\"", "ShrinkCalibrator/ci.sh" })
        {
            Assert.Contains(step, script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void FollowingTheGuideVerbatimRanksTheNewCalibrator()
    {
        var root = TestPaths.TempDirectory();
        var work = Directory.CreateDirectory(Path.Combine(root, "work")).FullName;
        File.WriteAllText(Path.Combine(root, "nuget.config"), OfflineNuGetConfig());
        File.WriteAllText(Path.Combine(root, "guide.sh"), GuideScript.Script(Guide));
        EnsureBuilt();

        var environment = new Dictionary<string, string>
        {
            ["EEBENCH"] = TestPaths.RepoRoot,
            ["NUGET_PACKAGES"] = Path.Combine(root, "packages"),
            ["DOTNET_CLI_HOME"] = Path.Combine(root, "home"), // templates install into a hive of this test's own
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["EEBENCH_CACHE"] = Path.Combine(root, "cache"),
            ["EEBENCH_SKIP_BUILD"] = "1", // the test run built the checkout; ./eebench need not look again
        };
        var result = ChildProcess.Run(ChildProcess.StartInfo("bash", [Path.Combine(root, "guide.sh")], work, environment), TimeSpan.FromMinutes(8));

        Assert.True(result.Code == 0, $"the guide failed (exit {result.Code}):\n{result.Err[^Math.Min(6000, result.Err.Length)..]}\n{result.Out[^Math.Min(3000, result.Out.Length)..]}");
        var board = JsonNode.Parse(File.ReadAllText(Path.Combine(work, "results", "leaderboard.json")))!;
        var entries = board["groups"]![0]!["entries"]!.AsArray();
        Assert.Equal(2, entries.Count(e => (string?)e!["calibrator"] == "shrink"));
        Assert.Equal(6, entries.Count);
        var recorded = Assert.Single(board["provenance"]!["plugins"]!.AsArray(), p => (string?)p!["alias"] == "shrink")!;
        Assert.Equal("calibrator", (string?)recorded["kind"]);
        // The template's description and citation are placeholders made from the project's name, not the example's paper.
        Assert.Equal("ShrinkCalibrator: replace with where the method comes from (authors year, title, venue; or a URL)", (string?)recorded["citation"]);
        Assert.StartsWith("ShrinkCalibrator (calibrator): replace with one line", (string?)recorded["description"], StringComparison.Ordinal);
        // --feed ../eebench-feed is read from the generated folder, where nuget.config is: it names the guide's feed.
        var feed = System.Xml.Linq.XDocument.Load(Path.Combine(work, "ShrinkCalibrator", "nuget.config")).Descendants("add").Single().Attribute("value")!.Value;
        Assert.Equal(Path.Combine(work, "eebench-feed"), Path.GetFullPath(Path.Combine(work, "ShrinkCalibrator", feed)));
        // The generated repository's CI script ran here: tests with the contract kit, eebench loading it, an evaluation.
        Assert.Contains("ci: ShrinkCalibrator built, passed its tests and the contract kit, loaded and ran in eebench", result.Out, StringComparison.Ordinal);
        Assert.Contains(JsonNode.Parse(File.ReadAllText(Path.Combine(work, "ShrinkCalibrator", "ci-results", "leaderboard.json")))!["groups"]![0]!["entries"]!.AsArray(), e => (string?)e!["calibrator"] == "shrink");
        Assert.True(File.Exists(Path.Combine(work, "ShrinkCalibrator", ".github", "workflows", "ci.yml")));
        Assert.Contains("shrink msp efficiency", result.Out, StringComparison.Ordinal);
        var metric = JsonNode.Parse(File.ReadAllText(Path.Combine(work, "results-metric", "leaderboard.json")))!;
        Assert.All(metric["groups"]![0]!["entries"]!.AsArray(), e => Assert.Equal(3, e!["per_exit"]!.AsArray().Count(x => x!["risk_at_half"] is not null)));
        var tiny = JsonNode.Parse(File.ReadAllText(Path.Combine(work, "results-tiny-mlp", "leaderboard.json")))!;
        Assert.Equal("tiny-mlp", (string?)tiny["groups"]![0]!["architecture"]);
        Assert.Contains(tiny["groups"]![0]!["entries"]!.AsArray(), e => (string?)e!["failure_predictor"] == "logit-margin");
    }

    /// <summary>The local feed for EarlyExitBench.*, the machine's NuGet cache (as a read-only source) for the rest; no network.</summary>
    private static string OfflineNuGetConfig()
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="machine-cache" value="{cache}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="eebench"><package pattern="EarlyExitBench.*" /></packageSource>
                <packageSource key="machine-cache"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """;
    }

    // The guide's step 0 (./build/setup.sh) builds Release; a Debug test run may not have, and `dotnet pack --no-build` needs it.
    private static void EnsureBuilt()
    {
        if (File.Exists(Path.Combine(TestPaths.RepoRoot, "src", "Contracts", "bin", "Release", "net10.0", "EarlyExitBench.Contracts.dll"))
            && File.Exists(Path.Combine(TestPaths.RepoRoot, "src", "Harness", "bin", "Release", "net10.0", "eebench.dll")))
        {
            return;
        }

        var build = ChildProcess.Run(ChildProcess.StartInfo("dotnet", ["build", Path.Combine(TestPaths.RepoRoot, "src", "Harness"), "-c", "Release"]), TimeSpan.FromMinutes(8));
        Assert.True(build.Code == 0, build.ToString());
    }
}
