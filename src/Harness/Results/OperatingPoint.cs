namespace EarlyExitBench.Harness.Results;

/// <summary>One point of an accuracy-vs-cost front.</summary>
/// <param name="Threshold">The global threshold; +∞ (written "Infinity") sends every sample to the last exit.</param>
/// <param name="Accuracy">Share of samples correct at the exit where they stop.</param>
/// <param name="MeanCost">Mean cumulative cost of the exits where samples stop.</param>
/// <param name="RelativeCost">MeanCost over the cost of the last exit.</param>
public readonly record struct OperatingPoint(double Threshold, double Accuracy, double MeanCost, double RelativeCost);
