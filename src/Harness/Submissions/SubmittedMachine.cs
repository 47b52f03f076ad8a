namespace EarlyExitBench.Harness.Submissions;

/// <summary>The machine a submission's cells ran on, as the run's leaderboard recorded it (no clock, no command line).</summary>
/// <param name="Machine">Host name.</param>
/// <param name="Os">Operating system.</param>
/// <param name="ProcessorCount">Logical processors.</param>
/// <param name="Runtime">.NET runtime.</param>
/// <param name="TorchSharp">TorchSharp version.</param>
/// <param name="Device">Device the models ran on.</param>
/// <param name="TorchThreads">TorchSharp intra-op threads.</param>
public sealed record SubmittedMachine(string Machine, string Os, int ProcessorCount, string Runtime, string TorchSharp, string Device, int TorchThreads);
