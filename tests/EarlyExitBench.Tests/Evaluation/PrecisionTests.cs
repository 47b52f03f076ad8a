using System.Text.Json.Nodes;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Cli;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Evaluation;

/// <summary>Failure prediction is ranking; the ranking among very confident samples must survive the whole path.</summary>
[Collection("Console")]
public class PrecisionTests
{
    [Fact]
    public void ExtremelyConfidentSamplesRankApartThroughEvaluate()
    {
        // Every sample is at least 1 − 1e-9 confident. The two right ones are 1 − 1e-12 confident (logit ln(2e12) over
        // two zeros), the two wrong ones 1 − 1e-9 (ln(2e9)): msp ranks every right one above every wrong one, AUROC 1.
        // In single precision all four confidences are 1.0f, a four-way tie, AUROC ½.
        var sure = (float)Math.Log(2e12);
        var lessSure = (float)Math.Log(2e9);
        float[] rows =
        [
            sure, 0, 0,
            sure, 0, 0,
            0, lessSure, 0,
            0, lessSure, 0,
        ];
        var exit = new ClassMatrix(rows, 4, 3);
        var dir = TestPaths.TempDirectory();
        var path = Path.Combine(dir, "confident.npz");
        BundleFile.Write(path, new LogitsBundle([exit, exit], [0, 0, 0, 0], [exit, exit], [0, 0, 0, 0], [1.0, 2.0], "confident", "two-exit"));

        var code = Commands.Run(["evaluate", "--bundle", path, "--calibrators", "identity", "--failure-predictors", "msp", "--out", dir, "--bootstrap", "0"], new StringWriter());

        Assert.Equal(ExitCodes.Ok, code);
        var perExit = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "leaderboard.json")))!["groups"]![0]!["entries"]![0]!["per_exit"]![0]!;
        Assert.Equal(1.0, perExit["auroc"]!.GetValue<double>());
        Assert.Equal(0.5, perExit["accuracy"]!.GetValue<double>());

        // Two tied groups, the right ones first: risk 0 at coverage ½, then ½ at coverage 1, AURC ¼. Tied at 1.0f, the
        // four would be one group: AURC ½.
        Assert.Equal(0.25, perExit["aurc"]!.GetValue<double>());
        Assert.Equal(1f, Probabilities.Softmax(exit)[0, 0]);
        Assert.Equal(1f, Probabilities.Softmax(exit)[2, 1]);
    }
}
