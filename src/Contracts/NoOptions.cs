namespace EarlyExitBench.Contracts;

/// <summary>Options type of an implementation that takes none; any key given in a suite is an error.</summary>
public sealed class NoOptions;
