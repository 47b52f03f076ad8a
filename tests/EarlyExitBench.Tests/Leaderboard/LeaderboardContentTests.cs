using System.Diagnostics;
using System.Security.Cryptography;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Leaderboard;

/// <summary>What the leaderboard adds for its readers: intervals, ties, reliability bins, risk–coverage curves, provenance.</summary>
[Collection("Console")]
public class LeaderboardContentTests
{
    [Fact]
    public void IntervalsReliabilityAndRiskCoverageAgreeWithTheMetrics()
    {
        var document = LeaderboardReader.Read(Path.Combine(ToyBundle.Evaluate(), "leaderboard.json"));
        var group = Assert.Single(document.Groups);

        Assert.True(group.Entries[0].Efficiency.TiedWithLeader);
        Assert.NotEmpty(document.IntervalConvention);
        foreach (var entry in group.Entries)
        {
            var ci = entry.Efficiency.ScoreCi!;
            Assert.True(ci[0] <= entry.Efficiency.Score && entry.Efficiency.Score <= ci[1], $"{entry.Calibrator}+{entry.FailurePredictor}: {entry.Efficiency.Score} outside [{ci[0]}, {ci[1]}]");
            Assert.True(ci[1] - ci[0] > 0.005, "300 test samples leave a visible interval");
            var gap = entry.Efficiency.GapToLeaderCi!;
            Assert.Equal(gap[0] <= 0, entry.Efficiency.TiedWithLeader);
            Assert.InRange(group.Entries[0].Efficiency.Score - entry.Efficiency.Score, gap[0] - 1e-9, gap[1] + 1e-9);
            Assert.InRange(entry.RankCi![0], 1, entry.RankCi[1]);

            // At full coverage every sample is accepted: the selective risk is the exit's error rate.
            for (var k = 0; k < entry.PerExit.Count; k++)
            {
                Assert.Equal(1 - entry.PerExit[k].Accuracy, entry.RiskCoverage!.Risk[k][^1], 6);
            }
        }

        Assert.Equal(["identity", "temperature", "isotonic"], group.Reliability.Select(r => r.Calibrator));
        foreach (var diagram in group.Reliability)
        {
            var metrics = group.Entries.First(e => e.Calibrator == diagram.Calibrator).PerExit;
            foreach (var bins in diagram.PerExit)
            {
                Assert.Equal(ToyBundle.TestSamples, bins.Counts.Sum());

                // The diagram holds the same numbers as ECE: Σ_m |B_m|/n · |acc(B_m) − conf(B_m)|.
                var ece = bins.Counts.Select((c, m) => c == 0 ? 0 : c * Math.Abs(bins.Accuracy[m]!.Value - bins.Confidence[m]!.Value)).Sum() / ToyBundle.TestSamples;
                Assert.Equal(metrics[bins.Exit - 1].Ece, ece, 5);
            }
        }
    }

    [Fact]
    public void EveryGlobalThresholdEntryHasItsDeployableEfficiencyBesideTheSweep()
    {
        // Read by the strict reader, so the new key passes the published schema; thresholds chosen on validation, scored on test.
        var document = LeaderboardReader.Read(Path.Combine(ToyBundle.Evaluate(), "leaderboard.json"));
        var group = Assert.Single(document.Groups);

        Assert.All(group.Entries, entry =>
        {
            var deployable = entry.Efficiency.Deployable!;
            Assert.Equal(entry.Efficiency.Score - deployable.Score, deployable.OracleGap, 12);
            Assert.InRange(deployable.Score, deployable.ScoreCi![0], deployable.ScoreCi[1]);
            Assert.InRange(deployable.OracleGap, deployable.OracleGapCi![0] - 1e-6, deployable.OracleGapCi[1] + 1e-6);
            Assert.Equal(DeployableSummary.ThresholdSource, deployable.ThresholdSource);
            Assert.NotEmpty(deployable.Budgets);
            Assert.Equal(deployable.Budgets.Select(b => b.Budget).Order(), deployable.Budgets.Select(b => b.Budget));
            Assert.All(deployable.Budgets, b => Assert.True(b.Global.ValidationRelativeCost <= b.Budget && b.PerExit.ValidationRelativeCost <= b.Budget));

            // Each seed's deployable score and its replicates (paired with the oracle's), whose seed mean is the summary.
            Assert.Equal(deployable.Score, entry.PerSeed.Average(s => s.Deployable!.Value), 12);
            Assert.All(entry.PerSeed, s => Assert.Equal(s.EfficiencyReplicates!.Count, s.DeployableReplicates!.Count));
            Assert.InRange(entry.PerSeed.Average(s => s.DeployableReplicates!.Average()), deployable.ScoreCi[0], deployable.ScoreCi[1]);
        });
    }

    [Fact]
    public void ProvenanceNamesTheSuiteTheCommitThePluginsAndTheData()
    {
        var dir = ToyBundle.Evaluate();
        var provenance = LeaderboardReader.Read(Path.Combine(dir, "leaderboard.json")).Provenance!;

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, "toy.npz")))), provenance.SuiteSha256);
        Assert.Equal(Git("rev-parse", "HEAD")?.Trim(), provenance.GitCommit);
        Assert.Equal(Git("status", "--porcelain") is { } status ? status.Trim().Length > 0 : (bool?)null, provenance.GitDirty);
        Assert.Equal("eebench", provenance.Assemblies[0].Name);
        var calibrators = Assert.Single(provenance.Assemblies, a => a.Aliases.Contains("calibrator:temperature"));
        var file = Directory.EnumerateFiles(TestPaths.Plugins, calibrators.Name + ".dll", SearchOption.AllDirectories).Single();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))), calibrators.Sha256);
        Assert.Equal(["calibrator:identity", "calibrator:isotonic", "calibrator:temperature"], calibrators.Aliases);
        Assert.Equal("toy", Assert.Single(provenance.Datasets).Name);
    }

    [Fact]
    public void ZeroResamplesMeansNoIntervalsAndNoTies()
    {
        var group = LeaderboardReader.Read(Path.Combine(ToyBundle.Evaluate("--efficiency-bootstrap", "0"), "leaderboard.json")).Groups[0];

        Assert.All(group.Entries, e => Assert.True(e.Efficiency.ScoreCi is null && e.Efficiency.TiedWithLeader is null && e.Efficiency.GapToLeaderCi is null && e.RankCi is null));
    }

    /// <summary>git's answer in the checkout the tests run from, or null without git.</summary>
    private static string? Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = TestPaths.RepoRoot };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
