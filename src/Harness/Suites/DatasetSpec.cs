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
}
