using EarlyExitBench.Harness.Claims;
using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Tests.Claims;

/// <summary>
/// Deployable effects in the v2 claims get the same two-level interval as oracle effects when the leaderboard records each
/// seed's deployable score and replicates (per_seed[].deployable, per_seed[].deployable_replicates).
/// </summary>
public class DeployableEffectTests
{
    private static readonly TwoLevelOptions Options = new(400, 7);

    [Fact]
    public void DeployableScoresEqualToTheOracleScoresGiveTheOracleInterval()
    {
        var (a, b) = (Entry("temperature", 0.80, 0.0, perSeedDeployable: true), Entry("identity", 0.79, 0.0, perSeedDeployable: true));

        var deployable = V2Support.Deployable("Δ", a, b, Options, 10_000);
        var oracle = V2Support.Mean([V2Support.Difference(a, b)], Options)!;

        Assert.Equal(2, deployable.Count);
        Assert.Equal(oracle.Value, deployable[0].Value, 12);
        Assert.Equal(oracle.Low!.Value, deployable[0].Low!.Value, 12);
        Assert.Equal(oracle.High!.Value, deployable[0].High!.Value, 12);
        Assert.Equal(oracle.Value * 10_000, deployable[1].Value, 8);
        Assert.Contains("test images (× 10000)", deployable[1].Name, StringComparison.Ordinal);
    }

    [Fact]
    public void AShiftOfOneEntrysDeployableScoresShiftsTheEstimateAndKeepsItsWidth()
    {
        var (a, b) = (Entry("temperature", 0.80, 0.003, perSeedDeployable: true), Entry("identity", 0.79, 0.0, perSeedDeployable: true));
        var same = V2Support.Deployable("Δ", Entry("temperature", 0.80, 0.0, perSeedDeployable: true), b, Options, 10_000)[0];

        var shifted = V2Support.Deployable("Δ", a, b, Options, 10_000)[0];

        Assert.Equal(same.Value + 0.003, shifted.Value, 12);
        Assert.Equal(same.High!.Value - same.Low!.Value, shifted.High!.Value - shifted.Low!.Value, 9);
    }

    [Fact]
    public void WithoutPerSeedDeployableScoresItIsTheSeedMeanDifferenceWithNoInterval()
    {
        var (a, b) = (Entry("temperature", 0.80, 0.002, perSeedDeployable: false), Entry("identity", 0.79, 0.0, perSeedDeployable: false));

        var deployable = Assert.Single(V2Support.Deployable("Δ", a, b, Options, 10_000));

        Assert.Equal(a.Efficiency.Deployable!.Score - b.Efficiency.Deployable!.Score, deployable.Value, 12);
        Assert.Null(deployable.Low);
        Assert.Contains("no interval", deployable.Name, StringComparison.Ordinal);
    }

    // Five seeds with a seed effect and 50 test replicates spread around each seed's score; deployable = score + shift.
    private static EntryData Entry(string calibrator, double level, double shift, bool perSeedDeployable)
    {
        var seeds = Enumerable.Range(0, 5).Select(seed =>
        {
            var score = level + (0.004 * Math.Sin(seed + level));
            var replicates = Enumerable.Range(0, 50).Select(r => score + (0.002 * Math.Cos((3 * r) + seed + (10 * level)))).ToArray();
            return new SeedData(seed, score, null, replicates, null,
                perSeedDeployable ? score + shift : null, perSeedDeployable ? [.. replicates.Select(r => r + shift)] : null);
        }).ToList();
        var mean = seeds.Average(s => s.Score);
        var deployable = new DeployableEfficiency(mean + shift, null, -shift, null, mean + shift, [], "validation");
        return new EntryData(1, calibrator, "msp", "global-threshold", new EfficiencyData(mean, null, null, deployable), seeds);
    }
}
