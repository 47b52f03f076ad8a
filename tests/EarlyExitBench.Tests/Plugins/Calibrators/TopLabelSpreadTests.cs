using CsCheck;
using EarlyExitBench.Calibrators.Standard;

namespace EarlyExitBench.Tests.Plugins.Calibrators;

public class TopLabelSpreadTests
{
    [Fact]
    public void KeepsTheTopClassTheStrictMaximumAndSumsToOne()
    {
        var cases =
            from classes in Gen.Int[2, 30]
            from logits in Gen.Double[-60, 60].Array[classes]
            from q in Gen.Double[-0.5, 1.5]
            select (logits, q);

        cases.Sample(
            (logits, q) =>
            {
                var classes = logits.Length;
                var row = logits.Select(v => (float)v).ToArray();
                var probabilities = new double[classes];
                var described = TopLabel.Describe(row, probabilities);
                var output = new float[classes];

                TopLabel.Spread(probabilities, described.Top, q, output);

                var top = output[described.Top];
                var expectedTop = Math.Clamp(q, TopLabel.Floor(classes), 1.0);
                return Math.Abs(top - expectedTop) < 1e-6
                    && Math.Abs(output.Sum(p => (double)p) - 1) < 1e-5
                    && output.All(p => p >= 0 && p <= 1)
                    && Enumerable.Range(0, classes).All(c => c == described.Top || output[c] < top);
            },
            iter: 2000);
    }

    [Fact]
    public void DescribeGivesFiniteLogOddsWhenTheSoftmaxSaturates()
    {
        var row = TopLabel.Describe([1e4f, 0f, -1e4f], new double[3]);

        Assert.Equal(0, row.Top);
        Assert.Equal(1.0, row.Confidence);
        Assert.Equal(1e4, row.LogOdds, 6); // log(p₁ / (1 − p₁)) = z₁ − log Σ_{c≠1} e^{z_c}
    }
}
