using System.Text.Json.Nodes;
using EarlyExitBench.Harness.Cli;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Cli;

/// <summary>
/// The core never loads libtorch: the commands that train nothing run with the built eebench copied beside native
/// libraries that cannot load, while <c>run</c>, which must train, stops with exit code 3. Each test runs real processes.
/// </summary>
public class WithoutLibTorchTests
{
    private static readonly Lazy<Crippled> Host = new(Crippled.Create, LazyThreadSafetyMode.ExecutionAndPublication);

    [Fact]
    public void RunSaysLibTorchCannotLoadWithExitCode3()
    {
        var dir = TestPaths.TempDirectory();

        var run = Host.Value.Run("run", Suite, "--out", Path.Combine(dir, "out"), "--cache", Path.Combine(dir, "cache"));

        Assert.True(run.Code == ExitCodes.Environment, run.ToString());
        Assert.Contains("libtorch failed to load", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateChecksExitWeightsAgainstTheDescribedExits()
    {
        var dir = TestPaths.TempDirectory();
        var wrong = Path.Combine(dir, "wrong.yaml");
        File.WriteAllText(wrong, File.ReadAllText(Suite).Replace("exit_weights: [1, 1, 1]", "exit_weights: [1, 1]", StringComparison.Ordinal));
        Assert.NotEqual(File.ReadAllText(Suite), File.ReadAllText(wrong));

        var valid = Host.Value.Run("validate", Suite);
        var invalid = Host.Value.Run("validate", wrong);

        Assert.True(valid.Code == ExitCodes.Ok, valid.ToString());
        Assert.Contains(": ok — 1 dataset(s)", valid.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("TorchSharp", valid.Out + valid.Err, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, invalid.Code);
        Assert.Contains("'exit_weights' lists 2 weight(s) but architecture 'branchy-lenet'", invalid.Err, StringComparison.Ordinal);
        Assert.Contains("has 3 exits", invalid.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanEstimatesFromTheDescription()
    {
        var dir = TestPaths.TempDirectory();

        var plan = Host.Value.Run("plan", Suite, "--json", "--out", Path.Combine(dir, "out"), "--cache", Path.Combine(dir, "cache"));

        Assert.True(plan.Code == ExitCodes.Ok, plan.ToString());
        var cell = JsonNode.Parse(plan.Out)!["cells"]!.AsArray().Single()!;
        Assert.True(cell["estimated_gflop"]!.GetValue<double>() > 0, plan.Out); // 0 when the architecture could not say its cost
        Assert.DoesNotContain("cannot estimate", plan.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateReportCompareClaimsAndMergeRun()
    {
        var dir = TestPaths.TempDirectory();
        var evaluated = Path.Combine(dir, "evaluated");
        var leaderboard = Path.Combine(evaluated, "leaderboard.json");

        var evaluate = Host.Value.Run("evaluate", "--bundle", Path.Combine(TestPaths.RepoRoot, "examples", "tiny-bundle.npz"), "--out", evaluated, "--bootstrap", "100", "--efficiency-bootstrap", "0");
        Assert.True(evaluate.Code == ExitCodes.Ok, evaluate.ToString());
        Assert.True(File.Exists(leaderboard));

        foreach (var args in new string[][]
        {
            ["report", leaderboard, "--out", Path.Combine(dir, "report")],
            ["compare", leaderboard, leaderboard],
            ["claims", leaderboard, "--resamples", "100"],
            ["merge", evaluated, "--out", Path.Combine(dir, "merged")],
        })
        {
            var result = Host.Value.Run(args);
            Assert.True(result.Code == ExitCodes.Ok, result.ToString());
        }

        Assert.True(File.Exists(Path.Combine(dir, "report", "report.md")));
        Assert.True(File.Exists(Path.Combine(dir, "merged", "leaderboard.json")));
    }

    private static string Suite => Path.Combine(TestPaths.RepoRoot, "examples", "tiny-bundle.yaml");

    /// <summary>
    /// The built host and its managed dependencies, copied with every libtorch library (libtorch*, libc10,
    /// libLibTorchSharp) replaced by a text file, so a load fails with "invalid ELF header". TorchSharp then looks for
    /// the libraries in the NuGet cache; <c>NUGET_PACKAGES</c> and <c>HOME</c> point where there is none.
    /// </summary>
    private sealed class Crippled(string dll, string home)
    {
        public static Crippled Create()
        {
            var root = TestPaths.TempDirectory();
            var source = Path.GetDirectoryName(Eebench.Dll)!;
            var target = Directory.CreateDirectory(Path.Combine(root, "eebench")).FullName;
            foreach (var file in Directory.EnumerateFiles(source))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }

            var natives = Path.Combine("runtimes", "linux-x64", "native");
            Directory.CreateDirectory(Path.Combine(target, natives));
            var replaced = 0;
            foreach (var file in Directory.EnumerateFiles(Path.Combine(source, natives)))
            {
                var name = Path.GetFileName(file);
                var copy = Path.Combine(target, natives, name);
                if (name.StartsWith("libtorch", StringComparison.Ordinal) || name.StartsWith("libc10", StringComparison.Ordinal) || name.StartsWith("libLibTorchSharp", StringComparison.Ordinal))
                {
                    File.WriteAllText(copy, "not a shared library\n");
                    replaced++;
                }
                else
                {
                    File.Copy(file, copy);
                }
            }

            Assert.True(replaced >= 3, $"expected libtorch, libtorch_cpu and libLibTorchSharp in {natives}, replaced {replaced}");
            return new Crippled(Path.Combine(target, "eebench.dll"), Directory.CreateDirectory(Path.Combine(root, "home")).FullName);
        }

        public ProcessResult Run(params string[] args)
        {
            var environment = new Dictionary<string, string>
            {
                ["HOME"] = home,
                ["NUGET_PACKAGES"] = Path.Combine(home, "no-nuget-cache"),
                ["EEBENCH_CACHE"] = Path.Combine(home, "cache"),
            };
            return ChildProcess.Run(ChildProcess.StartInfo("dotnet", [dll, .. args], TestPaths.RepoRoot, environment), TimeSpan.FromMinutes(3));
        }
    }
}
