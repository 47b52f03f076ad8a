using EarlyExitBench.Contracts;

namespace EarlyExitBench.Testing;

/// <summary>
/// An <see cref="ExitMetricContext"/> over one split of logits, scored by max softmax (the <c>identity + msp</c>
/// method): what the host hands a metric, built from arrays. Samples can be given in any order (<paramref name="order"/>).
/// </summary>
/// <param name="logits">Per exit, n × C logits.</param>
/// <param name="labels">Labels.</param>
/// <param name="exit">The exit being measured, 0-based.</param>
/// <param name="order">Which sample of <paramref name="logits"/> is the context's sample i; null: as given.</param>
public sealed class SyntheticMetricContext(IReadOnlyList<ClassMatrix> logits, int[] labels, int exit, int[]? order = null) : ExitMetricContext
{
    private readonly int[] _order = order ?? [.. Enumerable.Range(0, labels.Length)];
    private readonly ClassMatrix[] _probabilities = [.. logits.Select(Reorder(order, labels.Length))];

    /// <inheritdoc />
    public override int Exit => exit;

    /// <inheritdoc />
    public override int Exits => logits.Count;

    /// <inheritdoc />
    public override int Bins => 15;

    /// <inheritdoc />
    public override ReadOnlySpan<int> Labels => _order.Select(i => labels[i]).ToArray();

    /// <inheritdoc />
    public override ReadOnlySpan<double> Scores(int exit) => Confidence(exit);

    /// <inheritdoc />
    public override ReadOnlySpan<double> ScoresBeforeCalibration(int exit) => Confidence(exit);

    /// <inheritdoc />
    public override ReadOnlySpan<int> ScoreOrder(int exit)
    {
        var scores = Confidence(exit).ToArray();
        return Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ThenBy(i => i).ToArray();
    }

    /// <inheritdoc />
    public override ReadOnlySpan<int> Predictions(int exit)
    {
        var probabilities = _probabilities[exit];
        return Enumerable.Range(0, probabilities.Rows).Select(i => Contracts.Probabilities.ArgMax(probabilities.Row(i))).ToArray();
    }

    /// <inheritdoc />
    public override ReadOnlySpan<bool> Correct(int exit)
    {
        var (predictions, truth) = (Predictions(exit).ToArray(), Labels.ToArray());
        return predictions.Select((p, i) => p == truth[i]).ToArray();
    }

    /// <inheritdoc />
    public override ReadOnlySpan<double> Confidence(int exit) => Promise.MaxPerRow(_probabilities[exit]);

    /// <inheritdoc />
    public override ClassMatrix Probabilities(int exit) => _probabilities[exit];

    private static Func<ClassMatrix, ClassMatrix> Reorder(int[]? order, int samples) => logits =>
    {
        var softmax = Contracts.Probabilities.Softmax(logits);
        if (order is null)
        {
            return softmax;
        }

        var values = new float[softmax.Values.Length];
        for (var i = 0; i < samples; i++)
        {
            softmax.Row(order[i]).CopyTo(values.AsSpan(i * softmax.Columns, softmax.Columns));
        }

        return new ClassMatrix(values, samples, softmax.Columns);
    };
}
