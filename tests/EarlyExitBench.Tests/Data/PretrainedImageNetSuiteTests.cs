using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EarlyExitBench.Tests.Support;
using Xunit.Abstractions;

namespace EarlyExitBench.Tests.Data;

/// <summary>
/// suites/imagenet-msdnet-pretrained.yaml end to end on a tiny ImageNet-layout folder made here (val/ only: 1,000 class
/// folders) with the reference-made MSDNet checkpoint of tools/make_msdnet_fixture.py (ImageNet structure, 1/8 width).
/// Only the path, the weights, the options of the narrower model and the sizes are changed; the calibration split is
/// the shipped suite's.
/// </summary>
public sealed class PretrainedImageNetSuiteTests(ITestOutputHelper output)
{
    [Fact]
    public void TheShippedSuiteRunsOnAValOnlyFolderWithAReferenceCheckpointAndRecordsItsCalibrationSplit()
    {
        var fixture = MsdNetFixture.Load("imagenet-narrow");
        var dir = TestPaths.TempDirectory();
        var folder = Path.Combine(dir, "imagenet");
        for (var c = 0; c < 1000; c++)
        {
            var wnid = $"n{c:D8}";
            Directory.CreateDirectory(Path.Combine(folder, "val", wnid));
            File.WriteAllBytes(Path.Combine(folder, "val", wnid, $"ILSVRC2012_val_{c:D8}.JPEG"), DatasetArchives.Jpeg(16, c % 4, c));
        }

        var args = fixture.Args;
        var options = $"{{ data: imagenet, n_blocks: {args["nBlocks"]}, step_mode: {args["stepmode"]}, step: {args["step"]}, base: {args["base"]}, "
            + $"n_channels: {args["nChannels"]}, growth_rate: {args["growthRate"]}, gr_factor: 1-2-4-4, bn_factor: 1-2-4-4 }}";
        var shipped = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "suites", "imagenet-msdnet-pretrained.yaml"));
        var text = Replace(shipped, @"path: /data/imagenet", $"path: {folder}");
        text = Replace(text, @"weights: \S+", $"weights: {fixture.Checkpoint}");
        text = Replace(text, @"options: \{ data: imagenet[^\n]*\}", $"options: {options}");
        text = Replace(text, @"validation_size: 5000", "validation_size: 200");
        text = Replace(text, @"device: auto", "device: cpu");
        text = Replace(text, @"bootstrap: 200", "bootstrap: 20");
        text = Replace(text, @"enabled: true", "enabled: false");
        var suite = Path.Combine(dir, "imagenet-msdnet-pretrained.yaml");
        File.WriteAllText(suite, text);

        var watch = Stopwatch.StartNew();
        var (code, _, stderr) = InProcess.Run("run", suite, "--out", Path.Combine(dir, "out"), "--cache", Path.Combine(dir, "cache"));
        var seconds = watch.Elapsed.TotalSeconds;

        Assert.True(code == 0, stderr);
        var leaderboard = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "out", "leaderboard.json")))!;
        var dataset = leaderboard["provenance"]!["datasets"]![0]!;
        Assert.Equal(
            "test-split: 200 samples carved from the test split by a seeded shuffle (seed 2026); the test set is the rest, disjoint",
            (string?)dataset["calibration"]);
        var text2 = leaderboard.ToJsonString();
        Assert.Contains("\"msdnet\"", text2, StringComparison.Ordinal);
        output.WriteLine($"wall time {seconds:F1} s; provenance.datasets[0] = {dataset.ToJsonString()}");
        output.WriteLine(text2.Length > 3000 ? text2[..3000] : text2);
    }

    private static string Replace(string text, string pattern, string replacement)
    {
        var regex = new Regex(pattern);
        Assert.True(regex.IsMatch(text), $"the shipped suite no longer has '{pattern}'");
        return regex.Replace(text, replacement.Replace("$", "$$", StringComparison.Ordinal), 1);
    }
}
