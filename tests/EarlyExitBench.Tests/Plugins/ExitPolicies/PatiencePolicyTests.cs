using EarlyExitBench.ExitPolicies.Standard;

namespace EarlyExitBench.Tests.Plugins.ExitPolicies;

public class PatiencePolicyTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 4)]
    [InlineData(7, 4)] // more patience than exits: the last exit accepts
    public void IdenticalPredictionsAtAllExitsStopAtExitP(int patience, int expectedExit)
    {
        var predictions = Enumerable.Range(0, 5).Select(_ => new[] { 3, 3, 7 }).ToArray();
        var input = PolicyInputs.SameSplits(PolicyInputs.UniformScores(5, 3, 1), predictions, [1, 2, 3, 4, 5], [0, 0, 0]);

        var assignment = Assert.Single(new PatiencePolicy(new PatiencePolicyOptions { Values = [patience] }).Assign(input, CancellationToken.None));

        Assert.Equal($"patience={patience}", assignment.Setting);
        Assert.All(assignment.ExitPerSample, exit => Assert.Equal(expectedExit, exit));
    }

    [Fact]
    public void StopsWhenTheLastPPlusOneExitsAgreeOnAHandBuiltCase()
    {
        // Rows are exits 0..5; columns are samples.
        int[][] byExit =
        [
            [1, 1, 4],
            [2, 1, 5],
            [2, 2, 4],
            [3, 2, 5],
            [3, 2, 4],
            [3, 2, 5],
        ];

        Assert.Equal(new[] { 2, 1, 5 }, PatiencePolicy.Stop(byExit, 6, 1));
        Assert.Equal(new[] { 5, 4, 5 }, PatiencePolicy.Stop(byExit, 6, 2));
        Assert.Equal(new[] { 5, 5, 5 }, PatiencePolicy.Stop(byExit, 6, 3));
    }

    [Fact]
    public void GivesOneOperatingPointPerValueByDefaultOneToThree()
    {
        var input = PolicyInputs.SameSplits(PolicyInputs.UniformScores(4, 10, 2), PolicyInputs.Constant(4, 10), [1, 2, 3, 4], new int[10]);

        var assignments = new PatiencePolicy(new PatiencePolicyOptions()).Assign(input, CancellationToken.None);

        Assert.Equal(new[] { "patience=1", "patience=2", "patience=3" }, assignments.Select(a => a.Setting));
        Assert.Equal(new[] { 1, 2, 3 }, assignments.Select(a => a.ExitPerSample.Distinct().Single()));
    }

    [Fact]
    public void RejectsNegativePatience()
    {
        Assert.ThrowsAny<ArgumentException>(() => new PatiencePolicy(new PatiencePolicyOptions { Values = [1, -1] }));
        Assert.ThrowsAny<ArgumentException>(() => new PatiencePolicy(new PatiencePolicyOptions { Values = [] }));
    }
}
