using EarlyExitBench.Calibrators.Standard;

namespace EarlyExitBench.Tests.Plugins.Calibrators;

public class IsotonicCalibratorTests
{
    private const int Classes = 10;

    [Fact]
    public void PoolAdjacentViolatorsMatchesTheTextbookExample()
    {
        var (x, y, blocks) = IsotonicCalibrator.Fit([1, 2, 3, 4, 5, 6], [1, 3, 2, 4, 3, 5]);

        Assert.Equal(4, blocks);
        Assert.Equal(new double[] { 1, 2, 3, 4, 5, 6 }, x);
        Assert.Equal(new[] { 1, 2.5, 2.5, 3.5, 3.5, 5 }, y);
    }

    [Fact]
    public void InterpolatesBetweenPooledBlocksOnAHandBuiltCase()
    {
        // conf 0.3: 1 of 2 right; 0.5: 1 of 3 right (violates, pools to 2/5); 0.7: 2 of 2 right.
        var confidences = new[] { 0.3, 0.3, 0.5, 0.5, 0.5, 0.7, 0.7 };
        var correct = new[] { false, true, true, false, false, true, true };
        var logits = Synthetic.Matrix(confidences.Select(p => Synthetic.WithConfidence(p, Classes)).ToArray());
        var fitted = new IsotonicCalibrator().Fit(logits, correct.Select(c => c ? 0 : 1).ToArray(), CancellationToken.None);

        var queries = new[] { 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.9 };
        var expected = new[] { 0.4, 0.4, 0.4, 0.4, 0.7, 1.0, 1.0 };
        var output = fitted.Apply(Synthetic.Matrix(queries.Select(p => Synthetic.WithConfidence(p, Classes)).ToArray()));

        for (var i = 0; i < queries.Length; i++)
        {
            Assert.Equal(expected[i], output[i, 0], 4);
        }

        Assert.Equal(2, fitted.Parameters["blocks"]);
    }

    [Fact]
    public void IsMonotoneInConfidenceAndMatchesValidationAccuracyOnAverage()
    {
        var (validation, labels) = CalibratorCases.Overconfident(5000, seed: 21);
        var (test, _) = CalibratorCases.Overconfident(5000, seed: 22);
        var fitted = new IsotonicCalibrator().Fit(validation, labels, CancellationToken.None);

        var softmax = EarlyExitBench.Contracts.Probabilities.Softmax(test);
        var output = fitted.Apply(test);
        var order = Enumerable.Range(0, test.Rows).OrderBy(i => softmax.Row(i).ToArray().Max()).ToArray();
        for (var r = 1; r < order.Length; r++)
        {
            Assert.True(output.Row(order[r]).ToArray().Max() >= output.Row(order[r - 1]).ToArray().Max() - 1e-6f);
        }

        // PAV preserves each block's sum of targets, so over the samples not lifted to the 1/C floor
        // (whole blocks either way) the calibrated confidence sums to the number of right predictions.
        var onValidation = fitted.Apply(validation);
        var floor = TopLabel.Floor(validation.Columns) + 1e-6;
        var kept = Enumerable.Range(0, validation.Rows).Where(i => onValidation.Row(i).ToArray().Max() > floor).ToArray();
        var confidenceSum = kept.Sum(i => (double)onValidation.Row(i).ToArray().Max());
        var rightCount = kept.Count(i => Synthetic.Argmax(validation.Row(i)) == labels[i]);
        Assert.True(kept.Length > validation.Rows * 0.9);
        Assert.Equal(rightCount, confidenceSum, 1);
    }
}
