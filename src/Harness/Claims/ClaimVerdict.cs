namespace EarlyExitBench.Harness.Claims;

/// <summary>What the results say about a claim, under the rules in <see cref="ClaimRules"/>.</summary>
public enum ClaimVerdict
{
    /// <summary>The evidence clears the rule's bar for the claim.</summary>
    Supported,

    /// <summary>The evidence clears the rule's bar against the claim.</summary>
    NotSupported,

    /// <summary>Neither bar is cleared, or the data needed is missing.</summary>
    Inconclusive,
}
