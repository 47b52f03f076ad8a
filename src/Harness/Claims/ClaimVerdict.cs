using System.Text.Json.Serialization;

namespace EarlyExitBench.Harness.Claims;

/// <summary>What the results say about a claim, under the rules in <see cref="ClaimRules"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClaimVerdict>))]
public enum ClaimVerdict
{
    /// <summary>The evidence clears the rule's bar for the claim.</summary>
    [JsonStringEnumMemberName("supported")]
    Supported,

    /// <summary>The evidence clears the rule's bar against the claim.</summary>
    [JsonStringEnumMemberName("not_supported")]
    NotSupported,

    /// <summary>Neither bar is cleared, or the data needed is missing.</summary>
    [JsonStringEnumMemberName("inconclusive")]
    Inconclusive,
}
