namespace EarlyExitBench.Harness.Results;

/// <summary>Values the published format gives a meaning to, so readers need not ask the pipeline.</summary>
public static class PublishedNames
{
    /// <summary>The <c>exit_policy</c> of entries under one global threshold (the ones with <c>risk_coverage</c> and in <c>proxy_correlation</c>).</summary>
    public const string GlobalThreshold = "global-threshold";

    /// <summary>The <c>recipe</c> of a group trained with the suite's default recipe.</summary>
    public const string DefaultRecipe = "default";

    /// <summary>The <c>recipe</c> of a group evaluated from a logits bundle (nothing trained).</summary>
    public const string BundleRecipe = "bundle";
}
