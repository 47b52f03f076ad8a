namespace EarlyExitBench.Harness.Results;

/// <summary>One metric's value at one exit.</summary>
/// <param name="Name">The metric's alias, its key in <c>per_exit</c>.</param>
/// <param name="Value">The value; null where the metric is undefined.</param>
public readonly record struct MetricValue(string Name, double? Value);
