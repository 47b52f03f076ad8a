using System.Diagnostics;
using System.Text.Json.Nodes;
using EarlyExitBench.Harness.Cli;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Plugins;

/// <summary>Plugins are code running with the user's rights: every one from outside the repository is logged with its SHA-256.</summary>
[Collection("Console")]
public class PluginTrustTests
{
    [Fact]
    public void APluginFromOutsideTheRepositoryIsLoggedAndListedWithItsSha256()
    {
        var outside = Path.Combine(TestPaths.TempDirectory(), "outside");
        CopyFolder(TestPaths.TestPlugin("DuplicateAliasA"), outside);
        var dll = Path.Combine(outside, "TestPlugin.DuplicateAliasA.dll");
        var sink = new CapturingSink();

        var catalog = PluginHost.Load([TestPaths.Plugins, outside], sink.Logger(), BuiltInDatasets.Register);

        var expectedSha = Sha256Sum(dll);
        var external = Assert.Single(catalog.Assemblies, a => a.External);
        Assert.Equal((dll, "TestPlugin.DuplicateAliasA", expectedSha), (external.Path, external.Name, external.Sha256));
        Assert.Matches(@"^\d+\.\d+\.\d+\.\d+$", external.Version);
        var logged = Assert.Single(sink.Messages, m => m.StartsWith("Plugin assembly from outside the repository", StringComparison.Ordinal));
        Assert.Contains(dll, logged, StringComparison.Ordinal);
        Assert.Contains("sha256 " + expectedSha, logged, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLeaderboardMarksWhichPluginAssembliesCameFromOutsideTheRepository()
    {
        var outside = Path.Combine(TestPaths.TempDirectory(), "outside");
        CopyFolder(TestPaths.TestPlugin("Faulty"), outside);
        var dir = TestPaths.TempDirectory();

        var code = Commands.Run(["evaluate", "--bundle", ToyBundle.Write(dir), "--calibrators", "identity,scaled", "--failure-predictors", "msp",
            "--out", dir, "--bootstrap", "0", "--efficiency-bootstrap", "0", "--plugins", outside], new StringWriter());

        Assert.Equal(ExitCodes.Ok, code);
        var json = File.ReadAllText(Path.Combine(dir, "leaderboard.json"));
        Assert.Empty(LeaderboardSchema.Errors(json));
        var assemblies = JsonNode.Parse(json)!["provenance"]!["assemblies"]!.AsArray()
            .ToDictionary(a => (string)a!["name"]!, a => (External: (bool)a!["external"]!, Sha256: (string)a["sha256"]!));
        Assert.Equal((true, Sha256Sum(Path.Combine(outside, "TestPlugin.Faulty.dll"))), assemblies["TestPlugin.Faulty"]);
        Assert.False(assemblies["EarlyExitBench.Calibrators.Standard"].External);
        Assert.False(assemblies["EarlyExitBench.FailurePredictors.Standard"].External);
        Assert.False(assemblies["eebench"].External);
    }

    [Fact]
    public void TheShippedPluginsAreListedButNotLoggedAsExternal()
    {
        var sink = new CapturingSink();

        var catalog = PluginHost.Load([TestPaths.Plugins], sink.Logger(), BuiltInDatasets.Register);

        Assert.Contains(catalog.Assemblies, a => a.Name == "EarlyExitBench.Calibrators.Standard");
        Assert.All(catalog.Assemblies, a => Assert.False(a.External, a.Path));
        Assert.All(catalog.Assemblies, a => Assert.Equal(Sha256Sum(a.Path), a.Sha256));
        Assert.DoesNotContain(sink.Messages, m => m.Contains("outside the repository", StringComparison.Ordinal));
    }

    // The coreutils tool, not .NET's SHA256: the hash is checked by an independent implementation.
    private static string Sha256Sum(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("sha256sum", [path]) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Split(' ')[0];
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
