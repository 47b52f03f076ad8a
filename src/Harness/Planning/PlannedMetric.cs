using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Plugins;

namespace EarlyExitBench.Harness.Planning;

/// <summary>A registered metric the plan computes, with what its plugin says about it.</summary>
/// <param name="Plugin">The resolved registration.</param>
/// <param name="Info">Direction, citation, range, proxy or not.</param>
public sealed record PlannedMetric(ResolvedPlugin Plugin, MetricInfo Info);
