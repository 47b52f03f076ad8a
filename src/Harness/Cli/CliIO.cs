namespace EarlyExitBench.Harness.Cli;

/// <summary>Where a command writes: results to <paramref name="Out"/>, problems to <paramref name="Errors"/>.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Errors">Standard error.</param>
/// <param name="CommandLine">The command line, recorded in leaderboards.</param>
internal sealed record CliIO(TextWriter Out, TextWriter Errors, string CommandLine);
