using System.Text.Json.Serialization;

namespace EarlyExitBench.Harness.Results;

// The published results format: the leaderboard JSON, serialised with snake_case keys (schemas/leaderboard.schema.json).
// These records, and the ones beside them in Results/, are all that report, compare, claims and the site read; they
// name no pipeline type (StageDependencyTests), and LeaderboardBuilder maps the pipeline's records onto them once.
// Everything outside `environment` and `timing` depends only on the suite, the data and the seed, so two runs can be
// compared byte for byte.

/// <summary>The whole leaderboard file.</summary>
public sealed record LeaderboardDocument(
    int SchemaVersion,
    SuiteSummary Suite,
    Provenance? Provenance,
    string CostConvention,
    IReadOnlyList<MetricSummary> Metrics,
    string IntervalConvention,
    IReadOnlyList<GroupResult> Groups,
    IReadOnlyList<FailureRecord> Failures,
    EnvironmentInfo Environment,
    TimingInfo Timing)
{
    /// <summary>Current schema version; bump on any breaking change to the keys.</summary>
    public const int CurrentSchemaVersion = 2;
}

/// <summary>One (dataset, architecture, training recipe): its exits, the ranked methods and the proxy correlations.</summary>
public sealed record GroupResult(
    string Dataset,
    string Architecture,
    string ArchitectureOptions,
    string Recipe,
    IReadOnlyList<ExitInfo> Exits,
    IReadOnlyList<EntryResult> Entries,
    IReadOnlyDictionary<string, CorrelationResult> ProxyCorrelation,
    IReadOnlyDictionary<string, CorrelationResult> ProxyCorrelationPooled,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, CorrelationResult>> ProxyCorrelationByPolicy,
    IReadOnlyList<CalibratorFit> CalibratorFits,
    IReadOnlyList<ReliabilityDiagram> Reliability);

/// <summary>One ranked method, averaged over seeds.</summary>
/// <param name="Rank">1 = the highest mean efficiency score.</param>
/// <param name="RankCi">2.5–97.5% percentiles of the entry's rank over the paired bootstrap replicates; null without replicates.</param>
/// <param name="Calibrator">Calibrator label.</param>
/// <param name="FailurePredictor">Failure predictor label.</param>
/// <param name="ExitPolicy">Exit policy label.</param>
/// <param name="Efficiency">Efficiency averaged over seeds, with its interval.</param>
/// <param name="PerExit">Per-exit metrics averaged over seeds.</param>
/// <param name="PerSeed">Each seed's score and Pareto front.</param>
/// <param name="RiskCoverage">Global-threshold entries: the seed-averaged risk–coverage curve per exit; null otherwise.</param>
public sealed record EntryResult(
    int Rank,
    int[]? RankCi,
    string Calibrator,
    string FailurePredictor,
    string ExitPolicy,
    EfficiencySummary Efficiency,
    IReadOnlyList<ExitMetrics> PerExit,
    IReadOnlyList<SeedResult> PerSeed,
    RiskCoverageCurves? RiskCoverage);

/// <summary>Efficiency averaged over seeds (score, budgets, savings, oracle).</summary>
/// <param name="Score">Mean over seeds of the efficiency score.</param>
/// <param name="ScoreCi">95% bootstrap percentile interval of <paramref name="Score"/> over test samples; null without replicates.</param>
/// <param name="TiedWithLeader">Whether <paramref name="GapToLeaderCi"/> reaches 0: the data do not show the leader ahead (true for the leader); null without replicates.</param>
/// <param name="GapToLeaderCi">95% paired bootstrap interval of the leader's score minus this one; null without replicates.</param>
/// <param name="AccuracyAtBudget">A(b) per budget.</param>
/// <param name="CostSavedAtMatchedAccuracy">Cost saved per accuracy tolerance.</param>
/// <param name="Oracle">The oracle bound.</param>
public sealed record EfficiencySummary(
    double Score,
    double[]? ScoreCi,
    bool? TiedWithLeader,
    double[]? GapToLeaderCi,
    IReadOnlyDictionary<string, double> AccuracyAtBudget,
    IReadOnlyDictionary<string, double?> CostSavedAtMatchedAccuracy,
    OracleResult Oracle)
{
    /// <summary>Global-threshold entries: thresholds chosen on validation, applied to test; null (the key left out, so a file written before it existed reads and writes back unchanged) for other policies.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DeployableEfficiency? Deployable { get; init; }
}

/// <summary>One seed's efficiency, its proxies and its Pareto front.</summary>
/// <param name="Seed">The cell's seed.</param>
/// <param name="Score">Efficiency score on this seed.</param>
/// <param name="Proxies">Every proxy's mean over exits on this seed (the names of <c>proxy_correlation</c> without <c>@exitK</c>); what
/// paired, per-seed comparisons of methods need (<c>eebench claims</c>).</param>
/// <param name="ParetoFront">This seed's accuracy-vs-cost front.</param>
/// <param name="EfficiencyReplicates">This seed's efficiency score on each bootstrap resample of the test samples (the cell's
/// replicates: resample b is the same test indices for every method and seed), so a claim can resample seeds and test samples
/// together, paired across methods; null where the cell has none.</param>
/// <param name="LateExits">Global-threshold entries: compute spent on samples an earlier exit already had right, at the cheapest
/// threshold within 0.5 accuracy points of the last exit (claim 6 of rules v2); null otherwise.</param>
/// <param name="Deployable">Global-threshold entries: this seed's deployable efficiency (thresholds chosen on validation, applied to
/// test; <c>efficiency.deployable</c> is its mean over seeds); null otherwise.</param>
/// <param name="DeployableReplicates">This seed's deployable score on each test resample, the same resamples as
/// <paramref name="EfficiencyReplicates"/>, so the claims give deployable effects the same two-level interval; null where absent.</param>
public sealed record SeedResult(int Seed, double Score, IReadOnlyDictionary<string, double> Proxies, IReadOnlyList<OperatingPoint> ParetoFront,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<double>? EfficiencyReplicates = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] LateExitRecord? LateExits = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] double? Deployable = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<double>? DeployableReplicates = null);

/// <summary>Where the numbers were made; excluded from determinism comparisons.</summary>
public sealed record EnvironmentInfo(string Machine, string Os, int ProcessorCount, string Runtime, string TorchSharp, string Device, int TorchThreads, string Started, string CommandLine);

/// <summary>Wall-clock seconds per phase and measured dynamic inference; excluded from determinism comparisons.</summary>
public sealed record TimingInfo(double TotalSeconds, IReadOnlyList<PhaseTiming> Phases, IReadOnlyList<MeasurementRecord> Measurements);
