using EarlyExitBench.Contracts;

namespace EarlyExitBench.Tests.Contracts;

public class ProbabilitiesTests
{
    [Theory]
    [InlineData(new float[] { 0.1f, 0.7f, 0.2f }, 1)]
    [InlineData(new float[] { 0.4f, 0.2f, 0.4f }, 0)]   // ties: the first index
    [InlineData(new float[] { -3f, -1f, -1f, -2f }, 1)]
    [InlineData(new float[] { 5f }, 0)]
    public void ArgMaxIsTheFirstLargestIndex(float[] row, int expected) =>
        Assert.Equal(expected, Probabilities.ArgMax(row));
}
