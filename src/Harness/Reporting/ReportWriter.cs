using System.Globalization;
using System.Text;
using EarlyExitBench.Harness.Claims;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Harness.Methods;

namespace EarlyExitBench.Harness.Reporting;

/// <summary>
/// The human side of a leaderboard: <c>report.md</c> with the tables a paper would show, and per group an
/// accuracy-vs-cost plot of the best methods and a bar chart of each proxy's correlation with efficiency.
/// </summary>
public static class ReportWriter
{
    private const int PlottedMethods = 5;

    /// <summary>Writes <c>report.md</c> and the PNGs beside the leaderboard in <paramref name="directory"/>; returns the report's path.</summary>
    public static string Write(LeaderboardDocument document, string directory)
    {
        ArgumentNullException.ThrowIfNull(document);
        Directory.CreateDirectory(directory);
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {document.Suite.Name}: early-exit leaderboard");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Suite `{document.Suite.File}`, seeds {string.Join(", ", document.Suite.Seeds)}, device {document.Suite.Device}. Cost: {document.CostConvention}.");
        md.AppendLine();
        foreach (var group in document.Groups)
        {
            var stem = $"{Safe(group.Dataset)}__{Safe(group.Architecture)}";
            md.AppendLine(CultureInfo.InvariantCulture, $"## {group.Dataset} / {group.Architecture}");
            md.AppendLine();
            md.AppendLine("| exit | cost (FLOPs) | relative cost | params |");
            md.AppendLine("|---:|---:|---:|---:|");
            foreach (var e in group.Exits)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {e.Index} | {e.Cost:N0} | {e.RelativeCost:F3} | {(e.Params is { } p ? p.ToString("N0", CultureInfo.InvariantCulture) : "–")} |");
            }

            md.AppendLine();
            md.AppendLine("| rank | calibrator | failure predictor | exit policy | efficiency | acc@25% | acc@50% | acc@75% | acc@100% | saved @ δ=0 | last-exit ECE | mean AUROC |");
            md.AppendLine("|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var e in group.Entries.Take(15))
            {
                var auroc = e.PerExit.Select(x => x.Auroc).OfType<double>().DefaultIfEmpty(double.NaN).Average();
                var saved = e.Efficiency.CostSavedAtMatchedAccuracy.TryGetValue("0", out var s) && s is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "–";
                var b = e.Efficiency.AccuracyAtBudget;
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {e.Rank} | {e.Calibrator} | {e.FailurePredictor} | {e.ExitPolicy} | {e.Efficiency.Score:F4} | {b["0.25"]:F4} | {b["0.5"]:F4} | {b["0.75"]:F4} | {b["1.0"]:F4} | {saved} | {e.PerExit[^1].Ece:F4} | {auroc:F4} |");
            }

            if (group.Entries.Count > 15)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"\n{group.Entries.Count - 15} more entries in leaderboard.json.");
            }

            md.AppendLine();
            md.AppendLine("Proxy vs efficiency (global-threshold methods, averaged over seeds; mean over exits):");
            md.AppendLine();
            md.AppendLine("| proxy | better | Spearman ρ | 95% CI | Kendall τ | methods |");
            md.AppendLine("|---|:---:|---:|---|---:|---:|");
            foreach (var (name, c) in MeanProxies(group).OrderByDescending(p => Math.Abs(p.Value.Spearman ?? 0)))
            {
                var ci = c.SpearmanCi is { } iv ? $"[{iv[0]:F2}, {iv[1]:F2}]" : "–";
                md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Better(document, name)} | {Format(c.Spearman)} | {ci} | {Format(c.Kendall)} | {c.Count} |");
            }

            md.AppendLine();
            var curve = Plots.ParetoFronts(group, PlottedMethods, Path.Combine(directory, stem + "__pareto.png"));
            var bars = Plots.ProxyCorrelations(MeanProxies(group).ToList(), $"{group.Dataset} / {group.Architecture}", Path.Combine(directory, stem + "__proxies.png"));
            md.AppendLine(CultureInfo.InvariantCulture, $"![accuracy vs relative cost]({Path.GetFileName(curve)})");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"![proxy correlation]({Path.GetFileName(bars)})");
            md.AppendLine();
        }

        AppendMeasurements(document, md);
        AppendMetrics(document, md);
        md.Append(ClaimsSection.Render(ClaimsEvaluator.Evaluate(ClaimsData.From(document, "this leaderboard"), new ClaimsOptions()), correlations: false));
        if (document.Failures.Count > 0)
        {
            md.AppendLine("## Failures");
            md.AppendLine();
            foreach (var f in document.Failures)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {f.Cell} (seed {f.Seed}): {f.Kind} `{f.Plugin}` in {f.Stage}: {f.Message}");
            }

            md.AppendLine();
        }

        var path = Path.Combine(directory, "report.md");
        File.WriteAllText(path, md.ToString());
        return path;
    }

    private static IEnumerable<KeyValuePair<string, Evaluation.CorrelationResult>> MeanProxies(GroupResult group) =>
        group.ProxyCorrelation.Where(p => !p.Key.Contains('@', StringComparison.Ordinal) && p.Value.Spearman.HasValue);

    private static string Better(LeaderboardDocument document, string metric) =>
        document.Metrics.FirstOrDefault(m => m.Name == metric)?.Better switch { "higher" => "↑", "lower" => "↓", _ => "–" };

    private static void AppendMetrics(LeaderboardDocument document, StringBuilder md)
    {
        if (document.Metrics.Count == 0)
        {
            return;
        }

        md.AppendLine("## Metrics");
        md.AppendLine();
        md.AppendLine("Every metric computed at each exit (`per_exit` in the leaderboard); definitions of the built-ins in docs/metrics.md.");
        md.AppendLine();
        md.AppendLine("| metric | better | proxy | what it is | defined in | plugin |");
        md.AppendLine("|---|:---:|:---:|---|---|---|");
        foreach (var m in document.Metrics)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {m.Name} | {Better(document, m.Name)} | {(m.Proxy ? "yes" : "no")} | {m.Description} | {m.Citation} | {m.Plugin} |");
        }

        md.AppendLine();
    }

    private static void AppendMeasurements(LeaderboardDocument document, StringBuilder md)
    {
        if (document.Timing.Measurements.Count == 0)
        {
            return;
        }

        md.AppendLine("## Measured early exit (wall clock)");
        md.AppendLine();
        md.AppendLine("| cell | method | batch | threshold | relative FLOPs | relative time | time saved / FLOPs saved | accuracy |");
        md.AppendLine("|---|---|---:|---|---:|---:|---:|---:|");
        foreach (var m in document.Timing.Measurements)
        {
            foreach (var t in m.Measurement.Thresholds)
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {m.Cell} | {m.Calibrator}+{m.FailurePredictor} | {t.BatchSize} | {t.Label} | {t.RelativeFlops:F3} | {t.RelativeTime:F3} | {Format(t.TimeSavedPerFlopSaved)} | {t.Accuracy:F4} |");
            }
        }

        md.AppendLine();
    }

    private static string Format(double? value) => value is { } v ? v.ToString("F2", CultureInfo.InvariantCulture) : "–";

    private static string Safe(string label) => new(label.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
