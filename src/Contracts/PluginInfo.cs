namespace EarlyExitBench.Contracts;

/// <summary>
/// What one registration says about itself: <c>eebench plugins</c> shows it and the leaderboard records it for every
/// plugin a run used.
/// </summary>
/// <param name="Alias">
/// The name suites use. Architectures, calibrators, failure predictors, exit policies and datasets use lower-case
/// kebab-case (<c>max-logit</c>); metrics use snake_case (<c>adaptive_ece</c>), because their names are leaderboard keys.
/// </param>
/// <param name="Description">One line: what it does, and what it keeps (argmax, sample order) where that matters.</param>
public sealed record PluginInfo(string Alias, string Description)
{
    /// <summary>Where the method comes from: a paper (authors, year, title, venue) or a URL; empty when it is new here.</summary>
    public string Citation { get; init; } = string.Empty;

    /// <summary>The implementation's version; null means the registering assembly's informational version.</summary>
    public string? Version { get; init; }

    /// <summary>Former aliases: suites that use one still resolve to this registration, with a deprecation note.</summary>
    public IReadOnlyList<string> DeprecatedAliases { get; init; } = [];
}
