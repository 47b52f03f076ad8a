namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>One row of an <see cref="IntervalChart"/>: a labelled value with its interval.</summary>
/// <param name="Label">Row label, drawn left of the plot.</param>
/// <param name="Value">The value (a dot); null draws the row empty.</param>
/// <param name="Low">Low end of the interval; null for none.</param>
/// <param name="High">High end of the interval; null for none.</param>
/// <param name="Tip">What hovering the dot shows ("label: value, [low, high]").</param>
public sealed record IntervalRow(string Label, double? Value, double? Low, double? High, string Tip);
