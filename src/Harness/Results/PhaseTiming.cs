namespace EarlyExitBench.Harness.Results;

/// <summary>Seconds one phase of one cell took.</summary>
/// <param name="Cell">The cell's name.</param>
/// <param name="Phase">What it did.</param>
/// <param name="Seconds">Wall-clock seconds.</param>
/// <param name="Cached">True when the phase read a cached result.</param>
public sealed record PhaseTiming(string Cell, string Phase, double Seconds, bool Cached);
