using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation;

/// <summary>A registered metric, ready to compute: its alias (the leaderboard key), what it is, and a fresh instance per exit.</summary>
/// <param name="Name">The alias.</param>
/// <param name="Description">One line, as registered.</param>
/// <param name="Info">Direction, citation, range, and whether it is a proxy.</param>
/// <param name="Create">Makes the instance that computes one exit.</param>
public sealed record MetricDefinition(string Name, string Description, MetricInfo Info, Func<IExitMetric> Create);
