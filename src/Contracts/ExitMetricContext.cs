namespace EarlyExitBench.Contracts;

/// <summary>
/// What a metric sees of one method at one exit, <see cref="Exit"/>: every exit's scores, predictions, correctness and
/// confidences (so an exit-aware metric can look at the last exit), the labels, and on demand the probabilities. All
/// read-only; the host computes each piece once and shares it between metrics. The views of <see cref="Exit"/> (score
/// groups, sorted confidences, reliability bins, probability totals) are made when first read and kept for every metric
/// of this exit, built-in or plugin alike. A context is used by one thread at a time.
/// </summary>
public abstract class ExitMetricContext
{
    private ScoreGroups? _scoreGroups;
    private ScoreGroups? _safeToStopGroups;
    private SortedConfidence? _sortedConfidence;
    private ReliabilityBins? _reliabilityBins;
    private ProbabilityTotals? _probabilityTotals;

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

    /// <summary>This exit's scores grouped by distinct value, highest first; positives = correct predictions.</summary>
    public ScoreGroups ScoreGroups => _scoreGroups ??= ScoreGroups.Create(Scores(Exit), ScoreOrder(Exit), Correct(Exit));

    /// <summary>
    /// This exit's scores grouped by distinct value; positives = safe to stop here: correct at this exit, or wrong at the
    /// last exit too (so stopping costs no accuracy). At the last exit every sample is safe.
    /// </summary>
    public ScoreGroups SafeToStopGroups => _safeToStopGroups ??= ScoreGroups.Create(Scores(Exit), ScoreOrder(Exit), SafeToStop());

    /// <summary>This exit's confidences, ascending, with their correctness.</summary>
    public SortedConfidence SortedConfidence => _sortedConfidence ??= SortConfidence();

    /// <summary>This exit's confidences in <see cref="Bins"/> equal-width bins.</summary>
    public ReliabilityBins ReliabilityBins => _reliabilityBins ??= ReliabilityBins.Create(SortedConfidence, Bins);

    /// <summary>Sums over this exit's probability rows (Brier, NLL, classwise bins) with <see cref="Bins"/> bins.</summary>
    public ProbabilityTotals ProbabilityTotals => _probabilityTotals ??= SumProbabilities();

    /// <summary>Makes <see cref="SortedConfidence"/>; a host may override it to reuse a faster sort.</summary>
    /// <returns>The sorted confidences; by default the score's sort when the score is the confidence, else a new sort.</returns>
    protected virtual SortedConfidence SortConfidence()
    {
        var confidence = Confidence(Exit);
        return confidence.SequenceEqual(Scores(Exit))
            ? SortedConfidence.Create(confidence, ScoreOrder(Exit), Correct(Exit))
            : SortedConfidence.Create(confidence, Correct(Exit));
    }

    /// <summary>Makes <see cref="ProbabilityTotals"/>; a host may override it with totals summed in its own pass.</summary>
    /// <returns>The totals; by default <see cref="ProbabilityTotals.Create"/> over <see cref="Probabilities"/>.</returns>
    protected virtual ProbabilityTotals SumProbabilities() => ProbabilityTotals.Create(Probabilities(Exit), Labels, Bins);

    private bool[] SafeToStop()
    {
        var correct = Correct(Exit);
        var correctAtLast = Correct(Exits - 1);
        if (correct.Length != correctAtLast.Length)
        {
            throw new InvalidOperationException("Every exit must have the same number of samples.");
        }

        var safe = new bool[correct.Length];
        for (var i = 0; i < safe.Length; i++)
        {
            safe[i] = correct[i] || !correctAtLast[i];
        }

        return safe;
    }
}
