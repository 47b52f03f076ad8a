using CsCheck;
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

    [Fact]
    public void ShiftedExponentialsMatchADoublePrecisionSoftmax()
        => Gen.Select(Gen.Int[1, 300], Gen.Double[0.1, 40], Gen.Int).Sample((classes, spread, seed) =>
        {
            var random = new Random(seed);
            var logits = Enumerable.Range(0, classes).Select(_ => (float)((random.NextDouble() - 0.5) * spread)).ToArray();
            var exponentials = new float[classes];
            var sum = Probabilities.ShiftedExponentials(logits, exponentials, out var argMax);

            // Reference: exp in double of the same float logits, by Math.Exp.
            var max = logits.Max();
            var reference = logits.Select(z => Math.Exp((double)z - max)).ToArray();
            var referenceSum = reference.Sum();
            Assert.Equal(Probabilities.ArgMax(logits), argMax);
            Assert.Equal(1f, exponentials[argMax]);
            for (var c = 0; c < classes; c++)
            {
                var p = exponentials[c] / sum;
                var q = reference[c] / referenceSum;
                Assert.True(Math.Abs(p - q) <= (3e-7 * q) || q < 1e-37, $"class {c}: {p:R} vs {q:R}");
            }

            // The tail mass 1 − max p keeps its relative precision, unlike 1 − (float)max p.
            var tail = (referenceSum - 1) / referenceSum;
            Assert.True(Math.Abs((1 - Probabilities.MaxSoftmax(logits)) - tail) <= (1e-6 * tail) + 1e-16, $"tail {tail:R}");
        }, iter: 300);

    [Fact]
    public void ConfidencesNearOneStayApart()
    {
        // z = (a, 0, 0) has 1 − max p = 2e^−a / (1 + 2e^−a): a = ln(2e9) gives 1 − 1e-9 (to 1e-9 relative), ln(2e12) 1 − 1e-12.
        float[] nine = [(float)Math.Log(2e9), 0, 0];
        float[] twelve = [(float)Math.Log(2e12), 0, 0];
        double TailOf(float[] z) => 2 * Math.Exp(-(double)z[0]) / (1 + (2 * Math.Exp(-(double)z[0])));

        var p9 = Probabilities.MaxSoftmax(nine);
        var p12 = Probabilities.MaxSoftmax(twelve);

        Assert.True(p9 < p12);
        Assert.Equal(TailOf(nine), 1 - p9, TailOf(nine) * 1e-6);
        Assert.Equal(TailOf(twelve), 1 - p12, 2e-16);
        Assert.Equal(1e-9, 1 - p9, 1e-9 * 1e-6);

        // The single-precision probabilities they replace tie at exactly 1.
        Assert.Equal(1f, Probabilities.Softmax(new ClassMatrix(nine, 1, 3))[0, 0]);
        Assert.Equal(1f, Probabilities.Softmax(new ClassMatrix(twelve, 1, 3))[0, 0]);
    }
}
