using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EarlyExitBench.Harness.Cells;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Submissions;

/// <summary><c>eebench submit</c>: a deterministic, self-describing, checked package of a run.</summary>
[Collection("Console")]
public class SubmitTests
{
    [Fact]
    public void TheSameResultsGiveTheSameBytesAndTheManifestListsEveryFileWithItsHash()
    {
        var again = Path.Combine(TestPaths.TempDirectory(), "again");
        var submit = InProcess.Run("submit", TinyRun.Results, "--out", again, "--suite", TinyRun.Suite);
        Assert.True(submit.Code == 0, submit.Err);

        var first = Tree(TinyRun.Submission);
        Assert.Equal(first.Keys, Tree(again).Keys);
        Assert.All(first, f => Assert.Equal(f.Value, File.ReadAllBytes(Path.Combine(again, f.Key))));

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(TinyRun.Submission, "submission.json")))!;
        var listed = manifest["files"]!.AsArray().ToDictionary(f => (string)f!["path"]!, f => (string)f!["sha256"]!);
        Assert.Equal(first.Keys.Where(k => k != "submission.json").Order(StringComparer.Ordinal), listed.Keys);
        Assert.All(listed, f => Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(first[f.Key])), f.Value));
        Assert.Contains("suite.yaml", listed.Keys);
        Assert.Contains("plan.json", listed.Keys);
        Assert.Equal(2, manifest["cells"]!.AsArray().Count);
        Assert.Equal(PlanFile.Read(TinyRun.Results).Id, (string?)manifest["pin"]!["plan_id"]);

        // Nothing of this machine's layout inside the manifest: no path of the results, the suite or the scratch root.
        var text = File.ReadAllText(Path.Combine(TinyRun.Submission, "submission.json"));
        Assert.DoesNotContain(TestPaths.RunDirectory, text, StringComparison.Ordinal);
        Assert.DoesNotContain("/tmp", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTrainedCellRecordsTheHashOfEachSplitsSampleIds()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TinyRun.Results, "cells"), "*.json"))
        {
            var samples = CellStore.Read(file).Result.Samples;
            Assert.NotNull(samples);
            Assert.Equal(["train", "validation", "test"], samples.Splits.Select(s => s.Split));
            Assert.Equal([300, 100, 150], samples.Splits.Select(s => s.Count));
            Assert.Equal(0, samples.SharedWithTest);

            // The test split is the first 150 test images: its hash is worked out here from the documented form.
            var ids = string.Concat(Enumerable.Range(0, 150).Select(i => "test:" + i.ToString(CultureInfo.InvariantCulture) + "\n"));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ids))), samples.Splits[2].Sha256);
            Assert.NotEqual(samples.Splits[0].Sha256, samples.Splits[1].Sha256);
        }
    }

    [Fact]
    public void ALeaderboardOfAnotherVersionIsRefusedAndNothingIsWritten()
    {
        var dir = TestPaths.TempDirectory();
        var board = JsonNode.Parse(File.ReadAllText(Path.Combine(TinyRun.Results, "leaderboard.json")))!;
        board["provenance"]!["assemblies"]![0]!["version"] = "0.0.9";
        var boardPath = Path.Combine(dir, "board.json");
        File.WriteAllText(boardPath, board.ToJsonString());
        var output = Path.Combine(dir, "out");

        var refused = InProcess.Run("submit", TinyRun.Results, "--out", output, "--suite", TinyRun.Suite, "--leaderboard", boardPath);

        Assert.Equal(2, refused.Code);
        Assert.Contains("refused: submission.json: version mismatch: the eebench version is 0.1.0 here and 0.0.9 in " + boardPath, refused.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void AnOutputFolderThatIsNotEmptyIsRefused()
    {
        var output = TestPaths.TempDirectory();
        File.WriteAllText(Path.Combine(output, "keep.txt"), "mine");

        var refused = InProcess.Run("submit", TinyRun.Results, "--out", output, "--suite", TinyRun.Suite);

        Assert.Equal(2, refused.Code);
        Assert.Contains("not empty", refused.Err, StringComparison.Ordinal);
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));
    }

    private static Dictionary<string, byte[]> Tree(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes);
}
