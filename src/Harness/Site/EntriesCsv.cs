using System.Globalization;
using System.Text;

namespace EarlyExitBench.Harness.Site;

/// <summary>
/// <c>data/entries.csv</c>: one row per ranked entry of every table of every setting (RFC 4180: comma-separated, fields
/// with a comma, quote or line break quoted, LF line ends); numbers round-trip (<c>R</c>), an absent value is empty.
/// </summary>
public static class EntriesCsv
{
    /// <summary>The header row's columns.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "setting", "benchmark", "dataset", "architecture", "recipe", "table", "rank", "rank_ci_low", "rank_ci_high",
        "calibrator", "failure_predictor", "exit_policy", "efficiency", "efficiency_ci_low", "efficiency_ci_high",
        "gap_to_leader_ci_low", "gap_to_leader_ci_high", "tied_with_leader", "seeds", "submissions", "verification",
    ];

    /// <summary>The CSV text of <paramref name="settings"/>.</summary>
    public static string Write(IReadOnlyList<SiteSetting> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var text = new StringBuilder();
        Line(text, Columns);
        foreach (var setting in settings)
        {
            foreach (var table in setting.Tables)
            {
                foreach (var row in table.Rows)
                {
                    var e = row.Entry;
                    var f = e.Efficiency;
                    Line(text,
                    [
                        setting.Slug, setting.Benchmark, setting.Dataset, setting.Architecture, setting.Recipe, table.Label,
                        Number(e.Rank), Number(e.RankCi?[0]), Number(e.RankCi?[1]),
                        e.Calibrator, e.FailurePredictor, e.ExitPolicy,
                        Number(f.Score), Number(f.ScoreCi?[0]), Number(f.ScoreCi?[1]),
                        Number(f.GapToLeaderCi?[0]), Number(f.GapToLeaderCi?[1]),
                        f.TiedWithLeader is { } tied ? (tied ? "true" : "false") : "",
                        string.Join(' ', e.PerSeed.Select(s => Number(s.Seed))),
                        string.Join(' ', row.Submissions), row.Verification,
                    ]);
                }
            }
        }

        return text.ToString();
    }

    /// <summary>A number as the CSV writes it: invariant, round-trip; empty for null.</summary>
    public static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static void Line(StringBuilder text, IReadOnlyList<string> fields)
    {
        text.AppendJoin(',', fields.Select(Quote)).Append('\n');
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
