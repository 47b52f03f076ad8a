namespace EarlyExitBench.Harness.Evaluation.Metrics;

/// <summary>
/// Marks an <see cref="Contracts.IExitMetric"/> of this folder as a built-in: <see cref="BuiltInMetrics"/> registers every
/// class carrying it, by <see cref="Order"/>, as a plugin registers its own. A new built-in is one file.
/// </summary>
/// <param name="alias">The leaderboard key.</param>
/// <param name="description">One line shown by <c>eebench plugins</c>.</param>
/// <param name="order">Position among the built-ins in every leaderboard (ascending; keep the existing keys' order).</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class BuiltInMetricAttribute(string alias, string description, int order) : Attribute
{
    /// <summary>The leaderboard key.</summary>
    public string Alias => alias;

    /// <summary>One line shown by <c>eebench plugins</c>.</summary>
    public string Description => description;

    /// <summary>Position among the built-ins.</summary>
    public int Order => order;
}
