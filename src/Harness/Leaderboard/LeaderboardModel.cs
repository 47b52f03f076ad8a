using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Harness.Leaderboard;

// The leaderboard JSON, serialised with snake_case keys. Everything outside `environment` and `timing`
// depends only on the suite, the data and the seed, so two runs can be compared byte for byte.

/// <summary>The whole leaderboard file.</summary>
public sealed record LeaderboardDocument(
    int SchemaVersion,
    SuiteSummary Suite,
    string CostConvention,
    IReadOnlyList<GroupResult> Groups,
    IReadOnlyList<FailureRecord> Failures,
    EnvironmentInfo Environment,
    TimingInfo Timing)
{
    /// <summary>Current schema version; bump on any breaking change to the keys.</summary>
    public const int CurrentSchemaVersion = 1;
}

/// <summary>What was asked for.</summary>
public sealed record SuiteSummary(string Name, string File, IReadOnlyList<int> Seeds, string Device, object? Training, object Evaluation);

/// <summary>One (dataset, architecture): its exits, the ranked methods and the proxy correlations.</summary>
public sealed record GroupResult(
    string Dataset,
    string Architecture,
    string ArchitectureOptions,
    IReadOnlyList<ExitInfo> Exits,
    IReadOnlyList<EntryResult> Entries,
    IReadOnlyDictionary<string, CorrelationResult> ProxyCorrelation,
    IReadOnlyDictionary<string, CorrelationResult> ProxyCorrelationPooled,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, CorrelationResult>> ProxyCorrelationByPolicy,
    IReadOnlyList<CalibratorFit> CalibratorFits);

/// <summary>One exit: cumulative cost and parameters.</summary>
public sealed record ExitInfo(int Index, double Cost, double RelativeCost, long? Params, long? BackboneFlops, long? HeadFlops);

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

/// <summary>One seed's efficiency and its Pareto front.</summary>
public sealed record SeedResult(int Seed, double Score, IReadOnlyList<OperatingPoint> ParetoFront);

/// <summary>Fitted calibrator parameters per seed and exit (e.g. temperatures).</summary>
public sealed record CalibratorFit(string Calibrator, int Seed, IReadOnlyList<IReadOnlyDictionary<string, double>> PerExit);

/// <summary>A suite cell or method that failed; the run went on without it.</summary>
public sealed record FailureRecord(string Cell, int Seed, string Kind, string Plugin, string Stage, string Message);

/// <summary>Where the numbers were made; excluded from determinism comparisons.</summary>
public sealed record EnvironmentInfo(string Machine, string Os, int ProcessorCount, string Runtime, string TorchSharp, string Device, int TorchThreads, string Started, string CommandLine);

/// <summary>Wall-clock seconds per phase and measured dynamic inference; excluded from determinism comparisons.</summary>
public sealed record TimingInfo(double TotalSeconds, IReadOnlyList<PhaseTiming> Phases, IReadOnlyList<MeasurementRecord> Measurements);

/// <summary>Real dynamic inference of one method in one cell: latency per exit and time saved vs FLOPs saved.</summary>
public sealed record MeasurementRecord(string Cell, string Calibrator, string FailurePredictor, EarlyExitBench.Harness.Measurement.CellMeasurement Measurement);

/// <summary>Seconds one phase of one cell took.</summary>
public sealed record PhaseTiming(string Cell, string Phase, double Seconds, bool Cached);
