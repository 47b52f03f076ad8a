namespace EarlyExitBench.Harness.Results;

/// <summary>Risk–coverage curves of one entry, one per exit, averaged over seeds.</summary>
/// <param name="Coverage">The coverage grid φ (shared by every exit).</param>
/// <param name="Risk">Per exit (exit 1 first), the selective risk at each coverage of <paramref name="Coverage"/>.</param>
public sealed record RiskCoverageCurves(IReadOnlyList<double> Coverage, IReadOnlyList<double[]> Risk);
