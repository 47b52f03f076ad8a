using R = EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Leaderboard;

/// <summary>
/// The one place pipeline records become the published format (<see cref="R"/>): field by field, so the compiler sees
/// every key, and nothing else in the pipeline writes a leaderboard type.
/// </summary>
internal static class ResultsMapping
{
    public static R.SuiteSummary ToResults(this Planning.SuiteSummary s) => new(s.Name, s.File, s.Seeds, s.Device, s.Recipes, s.Evaluation);

    public static R.Provenance ToResults(this Planning.Provenance p) =>
        new(p.SuiteSha256, p.GitCommit, p.GitDirty,
            p.Assemblies.Select(a => new R.AssemblyProvenance(a.Name, a.Version, a.Sha256, a.Aliases, a.External)).ToList(),
            p.Datasets.Select(d => new R.DatasetProvenance(d.Name, d.ContentId) { Calibration = d.Calibration }).ToList())
        {
            Plugins = p.Plugins.Select(x => new R.PluginProvenance(x.Kind, x.Alias, x.Version, x.Description, x.Citation, x.Assembly, x.KeepsArgmax, x.KeepsSampleOrder)).ToList(),
        };

    public static R.MetricSummary ToResults(this Planning.MetricSummary m) => new(m.Name, m.Description, m.Better, m.Proxy, m.Citation, m.Plugin, m.Family);

    public static R.FailureRecord ToResults(this Plugins.FailureRecord f) => new(f.Cell, f.Seed, f.Kind, f.Plugin, f.Stage, f.Message);

    public static R.ExitInfo ToResults(this Bundles.ExitInfo e) => new(e.Index, e.Cost, e.RelativeCost, e.Params, e.BackboneFlops, e.HeadFlops);

    public static R.CorrelationResult ToResults(this Evaluation.CorrelationResult c) => new(c.Spearman, c.SpearmanCi, c.Kendall, c.KendallCi, c.Count);

    public static IReadOnlyDictionary<string, R.CorrelationResult> ToResults(this IReadOnlyDictionary<string, Evaluation.CorrelationResult> correlations) =>
        new SortedDictionary<string, R.CorrelationResult>(correlations.ToDictionary(p => p.Key, p => p.Value.ToResults()), StringComparer.Ordinal);

    public static R.CalibratorFit ToResults(this Methods.CalibratorFit f) => new(f.Calibrator, f.Seed, f.PerExit);

    public static R.ExitMetrics ToResults(this Evaluation.ExitMetrics m) => new(m.Exit, m.Values.Select(v => new R.MetricValue(v.Name, v.Value)).ToList());

    public static R.OperatingPoint ToResults(this Evaluation.OperatingPoint p) => new(p.Threshold, p.Accuracy, p.MeanCost, p.RelativeCost);

    public static R.OracleResult ToResults(this Evaluation.OracleResult o) => new(o.Accuracy, o.RelativeCost);

    /// <summary>A budget's published numbers; the thresholds stay in the cell result (they differ per seed and are not averaged).</summary>
    public static R.DeployableBudget ToResults(this Evaluation.DeployableBudget b) => new(b.Budget, b.OracleAccuracy, b.Global.ToResults(), b.PerExit.ToResults());

    public static R.DeployedPoint ToResults(this Evaluation.DeployedPoint p) => new(p.ValidationAccuracy, p.ValidationRelativeCost, p.Accuracy, p.MeanCost, p.RelativeCost);

    public static R.PhaseTiming ToResults(this Planning.PhaseTiming t) => new(t.Cell, t.Phase, t.Seconds, t.Cached);

    public static R.MeasurementRecord ToResults(this Measurement.MeasurementRecord r) =>
        new(r.Cell, r.Calibrator, r.FailurePredictor, r.Measurement.ToResults())
        {
            TimeCost = r.TimeCost.Select(t => new R.TimeCostScore(t.BatchSize, t.Calibrator, t.FailurePredictor, t.Score, t.AccuracyAtBudget, t.FlopScore)).ToList(),
        };

    private static R.CellMeasurement ToResults(this Measurement.CellMeasurement m) =>
        new(m.Device, m.Threads, m.Samples, m.Protocol, m.Settings.ToResults(),
            m.ExitLatency.Select(e => new R.ExitLatency(e.Exit, e.BatchSize, e.RelativeFlops, e.RelativeTime, e.MsPerSample, e.Time.ToResults())).ToList(),
            m.FullNetwork.Select(f => new R.FullNetworkTiming(f.BatchSize, f.MsPerSample, f.Time.ToResults())).ToList(),
            m.Thresholds.Select(t => new R.ThresholdMeasurement(
                t.Label, t.Threshold, t.BatchSize, t.SweepRelativeFlops, t.RelativeFlops, t.Accuracy, t.ExitCounts, t.MsPerSample, t.RelativeTime,
                t.RelativeTimeRelativeIqr, t.TimeSavedPerFlopSaved, t.Time.ToResults())).ToList())
        {
            DecisionOverhead = m.DecisionOverhead.Select(d => new R.DecisionOverhead(
                d.BatchSize, d.ForwardMs, d.DecisionMs, d.Share,
                d.PerExit.Select(e => new R.DecisionTiming(e.Exit, e.BatchSize, e.ForwardMs, e.CalibrateMs, e.ScoreMs, e.GatherMs, e.DecisionMs)).ToList())).ToList(),
        };

    private static R.MeasurementSettings ToResults(this Measurement.MeasurementSettings s) =>
        new(s.WarmupRepeats, s.MinRepeats, s.MaxRepeats, s.TargetRelativeIqr, s.MaxSecondsPerMeasurement, s.MinRepeatMilliseconds, s.BatchSizes, s.Samples);

    private static R.TimingStats ToResults(this Measurement.TimingStats t) =>
        new(t.MedianMs, t.Q1Ms, t.Q3Ms, t.IqrMs, t.RelativeIqr, t.Repeats, t.OperationsPerRepeat, t.Converged);
}
