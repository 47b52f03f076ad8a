namespace EarlyExitBench.Harness.Site;

/// <summary>One row of an interval chart: a value with its interval.</summary>
/// <param name="Label">The row's label.</param>
/// <param name="Value">The value.</param>
/// <param name="Low">Its interval's low end; null without one.</param>
/// <param name="High">Its interval's high end; null without one.</param>
/// <param name="Tip">The hover text (<c>data-tip</c>).</param>
internal sealed record IntervalDot(string Label, double Value, double? Low, double? High, string Tip);
