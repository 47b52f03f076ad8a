namespace EarlyExitBench.Harness.Data;

/// <summary>
/// Which samples one split of a cell holds, without the samples: the pool they come from, how many, and a SHA-256 of
/// their ids. Recorded in every trained cell's result so a submission can be checked for a test set that leaks into the
/// data calibrators and thresholds see, and so a re-run proves it drew the same samples.
/// </summary>
/// <param name="Split"><c>train</c>, <c>validation</c> or <c>test</c>.</param>
/// <param name="Pool">The dataset split the samples are drawn from (<c>train</c> or <c>test</c>).</param>
/// <param name="Count">Number of samples.</param>
/// <param name="Sha256">SHA-256 of the ids <c>POOL:INDEX</c>, sorted by index, one per line (each followed by <c>\n</c>).</param>
public sealed record SplitIds(string Split, string Pool, int Count, string Sha256);
