using System.Globalization;
using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Reporting;

/// <summary>How the report writes methods and numbers, in one place (invariant culture).</summary>
public static class ReportText
{
    /// <summary>"calibrator + predictor", with " / policy" for a plugin exit policy.</summary>
    public static string Method(EntryResult entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Method(entry.Calibrator, entry.FailurePredictor, entry.ExitPolicy);
    }

    /// <summary>"calibrator + predictor", with " / policy" for a plugin exit policy.</summary>
    public static string Method(string calibrator, string predictor, string policy) =>
        policy == PublishedNames.GlobalThreshold ? $"{calibrator} + {predictor}" : $"{calibrator} + {predictor} / {policy}";

    /// <summary>The score with its interval when there is one: "0.8847 [0.8801, 0.8893]".</summary>
    public static string Score(EfficiencySummary efficiency)
    {
        ArgumentNullException.ThrowIfNull(efficiency);
        return efficiency.ScoreCi is { } ci ? $"{F(efficiency.Score)} {Interval(ci)}" : F(efficiency.Score);
    }

    /// <summary>"[lo, hi]" with 4 decimals.</summary>
    public static string Interval(IReadOnlyList<double> ci, string format = "F4")
    {
        ArgumentNullException.ThrowIfNull(ci);
        return $"[{F(ci[0], format)}, {F(ci[1], format)}]";
    }

    /// <summary>A number with <paramref name="format"/>, or "–" when missing.</summary>
    public static string F(double? value, string format = "F4") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    /// <summary>"dataset / architecture", with " / recipe NAME" when the suite names its recipes.</summary>
    public static string GroupTitle(GroupResult group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return NamedRecipe(group) ? $"{group.Dataset} / {group.Architecture} / recipe {group.Recipe}" : $"{group.Dataset} / {group.Architecture}";
    }

    /// <summary>Whether the group's recipe has a name of the suite's (not the unnamed default, not a logits bundle).</summary>
    public static bool NamedRecipe(GroupResult group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.Recipe is not PublishedNames.DefaultRecipe and not PublishedNames.BundleRecipe;
    }

    /// <summary>↑ when higher is better for <paramref name="metric"/>, ↓ when lower is, – when the leaderboard does not say.</summary>
    public static string Better(LeaderboardDocument document, string metric)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Better(document.Metrics, metric);
    }

    /// <summary>↑ when higher is better for <paramref name="metric"/> among <paramref name="metrics"/>, ↓ when lower is, – when they do not say.</summary>
    public static string Better(IReadOnlyList<MetricSummary> metrics, string metric)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return metrics.FirstOrDefault(m => m.Name == metric)?.Better switch { "higher" => "↑", "lower" => "↓", _ => "–" };
    }

    /// <summary>A file-name-safe form of a label.</summary>
    public static string Safe(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return new(label.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
    }
}
