using System.Text.Json.Serialization;

namespace EarlyExitBench.Harness.Evaluation;

/// <summary>
/// Every registered metric of one exit on the test split, in registry order (the built-ins first, in the order of their
/// <c>BuiltInMetric</c> marks; docs/contributors/metrics.md lists and defines every key). Written as one flat JSON object,
/// <c>exit</c> first.
/// </summary>
/// <param name="Exit">Exit index (0-based while evaluating, 1-based in a leaderboard).</param>
/// <param name="Values">Each metric's value, in order.</param>
[JsonConverter(typeof(ExitMetricsJsonConverter))]
public sealed record ExitMetrics(int Exit, IReadOnlyList<MetricValue> Values)
{
    /// <summary>Share of samples whose prediction is the label.</summary>
    public double Accuracy => this["accuracy"] ?? double.NaN;

    /// <summary>Expected calibration error over equal-width bins.</summary>
    public double Ece => this["ece"] ?? double.NaN;

    /// <summary>Failure-prediction AUROC; null when all samples are correct or all wrong.</summary>
    public double? Auroc => this["auroc"];

    /// <summary>The value of metric <paramref name="name"/>; null when undefined here or not computed.</summary>
    /// <param name="name">A metric alias.</param>
    public double? this[string name]
    {
        get
        {
            foreach (var value in Values)
            {
                if (value.Name == name)
                {
                    return value.Value;
                }
            }

            return null;
        }
    }

    /// <inheritdoc />
    public bool Equals(ExitMetrics? other) =>
        other is not null && Exit == other.Exit && Values.SequenceEqual(other.Values);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Exit);
        foreach (var value in Values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
