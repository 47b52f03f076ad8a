namespace EarlyExitBench.Contracts;

/// <summary>
/// What a metric sees of one method at one exit, <see cref="Exit"/>: every exit's scores, predictions, correctness and
/// confidences (so an exit-aware metric can look at the last exit), the labels, and on demand the probabilities. All
/// read-only; the host computes each piece once and shares it between metrics.
/// </summary>
public abstract class ExitMetricContext
{
    /// <summary>The exit the metric is computed for, 0-based.</summary>
    public abstract int Exit { get; }

    /// <summary>Number of exits K.</summary>
    public abstract int Exits { get; }

    /// <summary>Number of equal-width calibration bins M the suite asks for.</summary>
    public abstract int Bins { get; }

    /// <summary>Test labels.</summary>
    public abstract ReadOnlySpan<int> Labels { get; }

    /// <summary>The method's confidence score per sample at <paramref name="exit"/>; higher = more likely correct.</summary>
    /// <param name="exit">Any exit, 0-based.</param>
    public abstract ReadOnlySpan<double> Scores(int exit);

    /// <summary>The same score computed on uncalibrated probabilities; empty when the host has none.</summary>
    /// <param name="exit">Any exit, 0-based.</param>
    public abstract ReadOnlySpan<double> ScoresBeforeCalibration(int exit);

    /// <summary>Sample indices in ascending order of <see cref="Scores"/> (ties in sample order).</summary>
    /// <param name="exit">Any exit, 0-based.</param>
    public abstract ReadOnlySpan<int> ScoreOrder(int exit);

    /// <summary>Predicted class per sample (the argmax, first index on ties).</summary>
    /// <param name="exit">Any exit, 0-based.</param>
    public abstract ReadOnlySpan<int> Predictions(int exit);

    /// <summary>Whether each prediction is right.</summary>
    /// <param name="exit">Any exit, 0-based.</param>
    public abstract ReadOnlySpan<bool> Correct(int exit);

    /// <summary>The largest calibrated probability per sample, in double precision.</summary>
    /// <param name="exit">Any exit, 0-based.</param>
    public abstract ReadOnlySpan<double> Confidence(int exit);

    /// <summary>Calibrated probabilities, n × C. Costly: the host may make the matrix for this call.</summary>
    /// <param name="exit">Any exit, 0-based.</param>
    public abstract ClassMatrix Probabilities(int exit);
}
