using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Planning;

namespace EarlyExitBench.Harness.Pipeline;

/// <summary>Command-line choices that are not part of the suite.</summary>
/// <param name="CacheRoot">Cache folder.</param>
/// <param name="UseCache">False to retrain, re-record and re-evaluate even when cached or finished (results are still written).</param>
/// <param name="OutputDirectory">Results folder.</param>
/// <param name="CommandLine">The command line, for the environment section.</param>
/// <param name="Shard">Which cells this run computes.</param>
/// <param name="FullSweeps">Also write every method's whole threshold sweep beside each cell (<c>cells/KEY.sweeps.npz</c>).</param>
/// <param name="Prefetch">A given bundle's read, started before the run (by <c>evaluate</c>); its cell takes it.</param>
public sealed record RunOptions(string CacheRoot, bool UseCache, string OutputDirectory, string CommandLine, Shard Shard, bool FullSweeps = false, BundlePrefetch? Prefetch = null);
