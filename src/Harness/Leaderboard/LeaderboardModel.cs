using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Measurement;
using EarlyExitBench.Harness.Methods;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Plugins;

namespace EarlyExitBench.Harness.Leaderboard;

// The leaderboard JSON, serialised with snake_case keys. Everything outside `environment` and `timing`
// depends only on the suite, the data and the seed, so two runs can be compared byte for byte.

/// <summary>The whole leaderboard file.</summary>
public sealed record LeaderboardDocument(
    int SchemaVersion,
    SuiteSummary Suite,
    string CostConvention,
    IReadOnlyList<MetricSummary> Metrics,
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
    IReadOnlyList<CalibratorFit> CalibratorFits);

/// <summary>One ranked method, averaged over seeds.</summary>
public sealed record EntryResult(
    int Rank,
    string Calibrator,
    string FailurePredictor,
    string ExitPolicy,
    EfficiencySummary Efficiency,
    IReadOnlyList<ExitMetrics> PerExit,
    IReadOnlyList<SeedResult> PerSeed);

/// <summary>Efficiency averaged over seeds (score, budgets, savings, oracle).</summary>
public sealed record EfficiencySummary(
    double Score,
    IReadOnlyDictionary<string, double> AccuracyAtBudget,
    IReadOnlyDictionary<string, double?> CostSavedAtMatchedAccuracy,
    OracleResult Oracle);

/// <summary>One seed's efficiency, its proxies and its Pareto front.</summary>
/// <param name="Seed">The cell's seed.</param>
/// <param name="Score">Efficiency score on this seed.</param>
/// <param name="Proxies">Every proxy's mean over exits on this seed (the names of <c>proxy_correlation</c> without <c>@exitK</c>); what
/// paired, per-seed comparisons of methods need (<c>eebench claims</c>).</param>
/// <param name="ParetoFront">This seed's accuracy-vs-cost front.</param>
public sealed record SeedResult(int Seed, double Score, IReadOnlyDictionary<string, double> Proxies, IReadOnlyList<OperatingPoint> ParetoFront);

/// <summary>Where the numbers were made; excluded from determinism comparisons.</summary>
public sealed record EnvironmentInfo(string Machine, string Os, int ProcessorCount, string Runtime, string TorchSharp, string Device, int TorchThreads, string Started, string CommandLine);

/// <summary>Wall-clock seconds per phase and measured dynamic inference; excluded from determinism comparisons.</summary>
public sealed record TimingInfo(double TotalSeconds, IReadOnlyList<PhaseTiming> Phases, IReadOnlyList<MeasurementRecord> Measurements);
