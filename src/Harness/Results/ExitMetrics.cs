using System.Text.Json.Serialization;

namespace EarlyExitBench.Harness.Results;

/// <summary>
/// Every metric of one exit, in the leaderboard's <c>metrics</c> order, written as one flat JSON object with <c>exit</c>
/// first (<c>per_exit[]</c>).
/// </summary>
/// <param name="Exit">Exit index, from 1.</param>
/// <param name="Values">Each metric's value, in order.</param>
[JsonConverter(typeof(ExitMetricsJsonConverter))]
public sealed record ExitMetrics(int Exit, IReadOnlyList<MetricValue> Values)
{
    /// <summary>Share of samples whose prediction is the label.</summary>
    public double Accuracy => this["accuracy"] ?? double.NaN;

    /// <summary>Expected calibration error over equal-width bins.</summary>
    public double Ece => this["ece"] ?? double.NaN;

    /// <summary>Failure-prediction AUROC; null when undefined.</summary>
    public double? Auroc => this["auroc"];

    /// <summary>The value of metric <paramref name="name"/>; null when undefined here or not present.</summary>
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
