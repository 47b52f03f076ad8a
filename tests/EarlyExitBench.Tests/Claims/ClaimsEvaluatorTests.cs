using EarlyExitBench.Harness.Claims;
using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Tests.Claims;

/// <summary>Each claim on a hand-made leaderboard where the answer is planted.</summary>
public class ClaimsEvaluatorTests
{
    private static readonly int[] Seeds = [0, 1, 2];

    private static EntryData Entry(string calibrator, string predictor, double[] scores, Func<int, Dictionary<string, double>> proxies, string policy = ClaimRules.Policy) =>
        new(0, calibrator, predictor, policy, new EfficiencyData(scores.Average(), null), Seeds.Select((s, i) => new SeedData(s, scores[i], proxies(i))).ToList());

    private static Dictionary<string, double> P(double ece, double tau = 1, double auroc = 0.8) =>
        new() { ["ece"] = ece, ["adaptive_ece"] = ece, ["brier"] = 0.2, ["nll"] = 0.5, ["auroc"] = auroc, ["aurc"] = 0.1, ["augrc"] = 0.05, ["eefp_auroc"] = auroc, ["rank_preservation"] = tau };

    /// <summary>
    /// identity+msp 0.80; temperature+msp a touch lower on every seed with ECE cut from 0.10 to 0.02; histogram and isotonic
    /// reorder (τ 0.80, 0.90) and lose more the more they reorder; identity+exit-aware wins on every seed.
    /// </summary>
    private static GroupData Group(string recipe, double shift = 0, double exitAwareGain = 0.01) => new("toy", "net", recipe,
    [
        Entry("identity", "msp", [0.80 + shift, 0.81 + shift, 0.79 + shift], _ => P(0.10)),
        Entry("temperature", "msp", [0.799 + shift, 0.808 + shift, 0.789 + shift], _ => P(0.02, tau: 0.999)),
        Entry("histogram", "msp", [0.70 + shift, 0.71 + shift, 0.69 + shift], _ => P(0.03, tau: 0.80)),
        Entry("isotonic", "msp", [0.76 + shift, 0.77 + shift, 0.75 + shift], _ => P(0.025, tau: 0.90)),
        Entry("identity", "exit-aware", [0.80 + shift + exitAwareGain, 0.81 + shift + exitAwareGain + 0.002, 0.79 + shift + exitAwareGain], _ => P(0.10)),
        Entry("identity", "msp", [0.1, 0.1, 0.1], _ => P(0.5), policy: "patience"),   // other policies are ignored
    ], null);

    private static ClaimResult Claim(ClaimsData data, int number) => ClaimsEvaluator.Evaluate(data, new ClaimsOptions(Resamples: 1000)).Claims[number - 1];

    [Fact]
    public void Claim1ComputesTheRelativeEceReductionAndThePairedEfficiencyChange()
    {
        var claim = Claim(new ClaimsData("toy", [Group("a"), Group("b", shift: 0.05)]), 1);

        Assert.Equal(ClaimVerdict.Supported, claim.Verdict);
        Assert.Equal(1 - (0.02 / 0.10), claim.Statistics[0].Value, 12);                       // r = 0.8 on every seed
        Assert.Equal(((-0.001) + (-0.002) + (-0.001)) / 3, claim.Statistics[1].Value, 12);      // Δ paired by seed
        Assert.InRange(claim.Statistics[1].Low!.Value, -0.002 - 1e-12, claim.Statistics[1].Value);   // within the range of the seeds
        Assert.InRange(claim.Statistics[1].High!.Value, claim.Statistics[1].Value, -0.001 + 1e-12);
        Assert.Equal(2, claim.Groups.Count);
        Assert.All(claim.Groups, g => Assert.Equal(ClaimVerdict.Supported, g.Verdict));
    }

    [Fact]
    public void Claim1IsNotSupportedWhenCalibrationClearlyPays()
    {
        var group = Group("a");
        var better = group with { Entries = group.Entries.Select(e => e.Calibrator == "temperature" ? Entry("temperature", "msp", [0.82, 0.83, 0.815], _ => P(0.02)) : e).ToList() };

        Assert.Equal(ClaimVerdict.NotSupported, Claim(new ClaimsData("toy", [better]), 1).Verdict);
    }

    [Fact]
    public void Claim2FindsReorderingCalibratorsWhoseReorderingMovesEfficiency()
    {
        // One group: points (1 − τ, |Δe|) = (0.001, 0.0013), (0.2, 0.1), (0.1, 0.04) for temperature, histogram, isotonic.
        var claim = Claim(new ClaimsData("toy", [Group("a")]), 2);

        Assert.Equal(ClaimVerdict.Supported, claim.Verdict);
        Assert.Equal(0.80, claim.Statistics.Single(s => s.Name == "τ histogram+msp").Value, 12);
        Assert.Equal(1.0, claim.Statistics.Single(s => s.Name.StartsWith("Spearman", StringComparison.Ordinal)).Value, 12);
        Assert.Equal(2, claim.Statistics.Single(s => s.Name.StartsWith("calibrators that", StringComparison.Ordinal)).Value);
    }

    [Fact]
    public void Claim3FindsTheLessCalibratedWinnerAndNotTheLosers()
    {
        var claim = Claim(new ClaimsData("toy", [Group("a")]), 3);

        // Candidates (ECE above temperature's 0.02 on every seed): identity+msp, histogram, isotonic, identity+exit-aware.
        Assert.Equal(ClaimVerdict.Supported, claim.Verdict);
        Assert.Equal(4, claim.Statistics[0].Value);
        Assert.Equal(2, claim.Statistics[1].Value);                                            // identity+msp and identity+exit-aware
        Assert.Equal(1 - (0.05 / 4), claim.Statistics[2].Value, 12);
        Assert.Contains(claim.Statistics, s => s.Name == "advantage of identity+exit-aware in toy/net/a");
        Assert.DoesNotContain(claim.Statistics, s => s.Name.Contains("histogram", StringComparison.Ordinal));
    }

    [Fact]
    public void Claim3IsNotSupportedWhenTheCalibratedReferenceWinsEverywhere()
    {
        var group = Group("a", exitAwareGain: -0.05);
        var noWinner = group with { Entries = group.Entries.Where(e => e.Calibrator != "identity" || e.FailurePredictor != "msp").ToList() };

        Assert.Equal(ClaimVerdict.NotSupported, Claim(new ClaimsData("toy", [noWinner]), 3).Verdict);
    }

    [Fact]
    public void Claim4ComparesOrientedSpearmanOfTheTwoFamilies()
    {
        // Six methods: AUROC rises with efficiency (ρ = +1), AURC/AUGRC fall (ρ = −1 → oriented +1); ECE rises with
        // efficiency (oriented −1) and Brier/NLL/adaptive ECE do too: D = 1 − (−1) = 2 on the data.
        var entries = Enumerable.Range(0, 6).Select(m => Entry($"c{m}", "msp", [0.7 + (0.01 * m), 0.7 + (0.01 * m), 0.7 + (0.01 * m)], _ => new Dictionary<string, double>
        {
            ["auroc"] = 0.7 + (0.02 * m), ["eefp_auroc"] = 0.6 + (0.03 * m), ["aurc"] = 0.2 - (0.01 * m), ["augrc"] = 0.1 - (0.01 * m),
            ["ece"] = 0.01 * m, ["adaptive_ece"] = 0.02 * m, ["brier"] = 0.1 + (0.01 * m), ["nll"] = 0.3 + (0.01 * m),
        })).ToList();
        var data = new ClaimsData("toy", [new GroupData("toy", "net", "a", entries, null)]) { Metrics = Metrics(("auroc", "higher"), ("eefp_auroc", "higher"), ("aurc", "lower"), ("augrc", "lower"), ("ece", "lower"), ("adaptive_ece", "lower"), ("brier", "lower"), ("nll", "lower")) };
        var claim = Claim(data, 4);

        Assert.Equal(ClaimVerdict.Supported, claim.Verdict);
        Assert.Equal(2.0, claim.Statistics[0].Value, 12);
        Assert.Equal(1.0, claim.Groups[0].Statistics.Single(s => s.Name == "failure-prediction mean oriented ρ").Value, 12);
        Assert.Equal(-1.0, claim.Groups[0].Statistics.Single(s => s.Name == "calibration mean oriented ρ").Value, 12);

        // The direction is the leaderboard's: declared "higher is better", AURC's ρ = −1 counts −1, so the family mean is (1 + 1 − 1 + 1) / 4.
        var flipped = Claim(data with { Metrics = [.. data.Metrics.Select(m => m.Name == "aurc" ? m with { Better = "higher" } : m)] }, 4);
        Assert.Equal(0.5, flipped.Groups[0].Statistics.Single(s => s.Name == "failure-prediction mean oriented ρ").Value, 12);

        // A metric the leaderboard does not call a proxy is left out, and the note says so.
        var noBrier = Claim(data with { Metrics = [.. data.Metrics.Select(m => m.Name == "brier" ? m with { Proxy = false } : m)] }, 4);
        Assert.Contains(noBrier.Notes, n => n.Contains("'brier'", StringComparison.Ordinal));
        Assert.Equal(-1.0, noBrier.Groups[0].Statistics.Single(s => s.Name == "calibration mean oriented ρ").Value, 12);

        // A proxy the leaderboard files under the other family is left out: with AURC's direction flipped (mean 0.5 above)
        // and its family given as calibration, the failure-prediction mean is back to 1 over the other three.
        var misfiled = Claim(data with { Metrics = [.. data.Metrics.Select(m => m.Name == "aurc" ? m with { Better = "higher", Family = "calibration" } : m)] }, 4);
        Assert.Contains(misfiled.Notes, n => n.Contains("'aurc'", StringComparison.Ordinal) && n.Contains("family 'calibration'", StringComparison.Ordinal));
        Assert.Equal(1.0, misfiled.Groups[0].Statistics.Single(s => s.Name == "failure-prediction mean oriented ρ").Value, 12);
        Assert.Equal(-1.0, misfiled.Groups[0].Statistics.Single(s => s.Name == "calibration mean oriented ρ").Value, 12);
    }

    [Fact]
    public void TheClaimsProxyFamiliesAreTheFamiliesTheMetricsDeclare()
    {
        var families = Harness.Evaluation.Metrics.BuiltInMetrics.All.ToDictionary(m => m.Name, m => m.Info.Family);

        Assert.All(ClaimRules.CalibrationProxies, name => Assert.Equal(EarlyExitBench.Contracts.MetricFamily.Calibration, families[name]));
        Assert.All(ClaimRules.FailurePredictionProxies, name => Assert.Equal(EarlyExitBench.Contracts.MetricFamily.FailurePrediction, families[name]));
    }

    private static IReadOnlyList<MetricSummary> Metrics(params (string Name, string Better)[] metrics) =>
        [.. metrics.Select(m => new MetricSummary(m.Name, m.Name, m.Better, true, "", "test"))];

    [Fact]
    public void Claim5PairsExitAwareWithTemperatureBySeedAndReportsRanks()
    {
        var claim = Claim(new ClaimsData("toy", [Group("a"), Group("b", shift: 0.05)]), 5);

        Assert.Equal(ClaimVerdict.Supported, claim.Verdict);
        // exit-aware − temperature per seed: 0.011, 0.014, 0.011.
        Assert.Equal((0.011 + 0.014 + 0.011) / 3, claim.Statistics[0].Value, 12);
        Assert.Equal(0.011, claim.Statistics[0].Low!.Value, 12);
        Assert.Contains(claim.Groups[0].Statistics, s => s.Name == "rank of temperature+msp");
    }

    [Fact]
    public void MissingMethodsMakeAClaimInconclusiveAndSaySo()
    {
        var group = Group("a");
        var noExitAware = group with { Entries = group.Entries.Where(e => e.FailurePredictor != "exit-aware").ToList() };

        var claim = Claim(new ClaimsData("toy", [noExitAware]), 5);

        Assert.Equal(ClaimVerdict.Inconclusive, claim.Verdict);
        Assert.Contains(claim.Notes, n => n.Contains("identity+exit-aware", StringComparison.Ordinal));
    }

    [Fact]
    public void OneSeedGivesInconclusiveSeedClaims()
    {
        var group = Group("a");
        var oneSeed = group with { Entries = group.Entries.Select(e => e with { PerSeed = e.PerSeed.Take(1).ToList() }).ToList() };

        var report = ClaimsEvaluator.Evaluate(new ClaimsData("toy", [oneSeed]), new ClaimsOptions(Resamples: 200));

        Assert.Equal(ClaimVerdict.Inconclusive, report.Claims[0].Verdict);
        Assert.Equal(ClaimVerdict.Inconclusive, report.Claims[4].Verdict);
    }
}
