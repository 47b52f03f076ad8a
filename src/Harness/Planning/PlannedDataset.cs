using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Suites;

namespace EarlyExitBench.Harness.Planning;

/// <summary>A suite dataset, loaded once: its plugin, how to split it, and its files.</summary>
/// <param name="Plugin">The dataset plugin.</param>
/// <param name="Spec">Split sizes.</param>
/// <param name="Splits">The loaded train and test splits.</param>
public sealed record PlannedDataset(ResolvedPlugin Plugin, DatasetSpec Spec, DatasetSplits Splits);
