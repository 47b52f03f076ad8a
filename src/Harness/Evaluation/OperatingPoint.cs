namespace EarlyExitBench.Harness.Evaluation;

/// <summary>The outcome of early exiting with one global threshold.</summary>
/// <param name="Threshold">A sample stops at the first exit whose score is ≥ this; +∞ sends every sample to the last exit.</param>
/// <param name="Accuracy">Share of samples correct at the exit where they stop.</param>
/// <param name="MeanCost">Mean cumulative cost of the exits where samples stop.</param>
/// <param name="RelativeCost">MeanCost divided by the cost of the last exit.</param>
public readonly record struct OperatingPoint(double Threshold, double Accuracy, double MeanCost, double RelativeCost);
