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

    /// <summary>
    /// Calibrators: every sample keeps its predicted class (the argmax of the output is the argmax of the logits). The
    /// contract tests check it on random logits for every calibrator that sets it; false claims nothing.
    /// </summary>
    public bool KeepsArgmax { get; init; }

    /// <summary>
    /// Calibrators: the order of samples by confidence (maximum probability) is kept exactly, ties included: Kendall
    /// τ_b between the maximum softmax probability before and after calibration is 1. The contract tests check it on
    /// random logits for every calibrator that sets it; false claims nothing (temperature scaling, say, may reorder).
    /// </summary>
    public bool KeepsSampleOrder { get; init; }

    /// <summary>
    /// Whether fitting reads the validation labels (true unless set). A calibrator, failure predictor or exit policy that
    /// sets it to false promises that other validation labels change nothing it outputs; the contract tests check that.
    /// </summary>
    public bool UsesValidationLabels { get; init; } = true;

    /// <summary>
    /// Calibrators: its outputs are the plain softmax of the logits by design (the uncalibrated baseline). Any other
    /// calibrator whose fitted outputs on miscalibrated validation data equal that softmax is reported as a silent no-op.
    /// </summary>
    public bool IsIdentity { get; init; }
}
