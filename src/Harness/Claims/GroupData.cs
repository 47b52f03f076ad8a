using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Claims;

/// <summary>One (dataset, architecture, recipe) group, as the claims read it.</summary>
/// <param name="Dataset">Dataset alias.</param>
/// <param name="Architecture">Architecture alias.</param>
/// <param name="Recipe">Training recipe name.</param>
/// <param name="Entries">Ranked entries.</param>
/// <param name="ProxyCorrelation">The leaderboard's seed-averaged proxy correlations, printed as they are.</param>
public sealed record GroupData(string Dataset, string Architecture, string Recipe, IReadOnlyList<EntryData> Entries, IReadOnlyDictionary<string, CorrelationResult>? ProxyCorrelation)
{
    /// <summary>"dataset/architecture/recipe".</summary>
    public string Name => $"{Dataset}/{Architecture}/{Recipe}";

    /// <summary>The global-threshold entry of (<paramref name="calibrator"/>, <paramref name="predictor"/>), or null.</summary>
    public EntryData? Find(string calibrator, string predictor) =>
        Entries.FirstOrDefault(e => e.ExitPolicy == ClaimRules.Policy && e.Calibrator == calibrator && e.FailurePredictor == predictor);

    /// <summary>The global-threshold entries.</summary>
    public IEnumerable<EntryData> GlobalThreshold => Entries.Where(e => e.ExitPolicy == ClaimRules.Policy);
}
