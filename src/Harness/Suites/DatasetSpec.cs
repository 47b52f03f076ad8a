namespace EarlyExitBench.Harness.Suites;

/// <summary>A dataset in a suite and how to split it.</summary>
/// <param name="Plugin">The dataset plugin and its options (e.g. <c>path</c>).</param>
/// <param name="ValidationSize">Samples carved from the training split for calibration and thresholds.</param>
/// <param name="TrainLimit">Use at most this many training samples (after carving validation); null = all.</param>
/// <param name="TestLimit">Use at most this many test samples; null = all.</param>
public sealed record DatasetSpec(PluginSpec Plugin, int ValidationSize, int? TrainLimit, int? TestLimit)
{
    /// <summary>
    /// <c>download: true</c>: fetch the dataset (checksums checked) into <c>options.path</c>, or the data root, before it is
    /// read, unless it is there already.
    /// </summary>
    public bool Download { get; init; }

    /// <summary>
    /// Where calibration and threshold data (the validation set) come from: <c>train-split</c> (default: carved from the
    /// training split), <c>test-split</c> (carved from the test split by a seeded split; the rest is the test set; for a
    /// model trained elsewhere, e.g. on ImageNet's train/), or <c>test</c> (the test set itself, which needs
    /// <see cref="CalibrationOverlap"/>).
    /// </summary>
    public string Calibration { get; init; } = "train-split";

    /// <summary>The seed of the <c>test-split</c> carve; null uses each cell's seed.</summary>
    public int? CalibrationSeed { get; init; }

    /// <summary><c>calibration_overlap: allowed</c>: the suite accepts calibration data that overlap the test data.</summary>
    public bool CalibrationOverlap { get; init; }

    /// <summary>Where <see cref="Calibration"/> is written (the entry when absent).</summary>
    public SourceLocation? CalibrationLocation { get; init; }

    /// <summary>One sentence for the leaderboard: where calibration and threshold data came from.</summary>
    public string CalibrationDescription => Calibration switch
    {
        "test-split" => $"test-split: {ValidationSize} samples carved from the test split by a seeded shuffle (seed {(CalibrationSeed is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "of each cell")}); the test set is the rest, disjoint",
        "test" => $"test: the test set itself (calibration_overlap: allowed); calibration and test data overlap",
        _ => $"train-split: {ValidationSize} samples carved from the training split by each cell's seed; disjoint from the test set",
    };
}
