namespace EarlyExitBench.Harness.Pipeline;

/// <summary>Command-line choices that are not part of the suite.</summary>
/// <param name="CacheRoot">Cache folder.</param>
/// <param name="UseCache">False to retrain and re-record even when cached (the result is still written to the cache).</param>
/// <param name="OutputOverride">Results folder instead of the suite's <c>output/name</c>.</param>
/// <param name="CommandLine">The command line, for the environment section.</param>
public sealed record RunOptions(string CacheRoot, bool UseCache, string? OutputOverride, string CommandLine);
