using System.Globalization;
using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>The charts of one setting, built from the leaderboard's records as they are; every hover value is a number the leaderboard holds.</summary>
public static class SettingCharts
{
    /// <summary>Markers with a tip on a risk–coverage curve: every this many grid points, and the last (the line itself uses every point).</summary>
    public const int RiskCoverageTipEvery = 5;

    /// <summary>A(x) of <paramref name="best"/> (each one's first seed's front, as steps), each exit alone, and the oracle.</summary>
    public static Chart Fronts(GroupResult group, IReadOnlyList<EntryResult> best)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(best);
        var series = new List<ChartSeries>();
        foreach (var (entry, i) in best.Where(e => e.PerSeed.Count > 0 && e.PerSeed[0].ParetoFront.Count > 0).Select((e, i) => (e, i)))
        {
            var method = ReportText.Method(entry);
            series.Add(new ChartSeries(
                $"{method}  {ReportText.Score(entry.Efficiency)}",
                entry.PerSeed[0].ParetoFront.Select(p => new ChartPoint(p.RelativeCost, p.Accuracy, $"{method}: {F(p.RelativeCost, "F3")}, {F(p.Accuracy)}")).ToList(),
                SeriesStyle.Steps,
                i % 10));
        }

        if (best.Count > 0 && best[0].PerExit.Count == group.Exits.Count && group.Exits.Count > 0)
        {
            series.Add(new ChartSeries(
                "single exits (no early exit)",
                group.Exits.Zip(best[0].PerExit, (x, m) => new ChartPoint(x.RelativeCost, m.Accuracy, $"exit {x.Index}: {F(x.RelativeCost, "F3")}, {F(m.Accuracy)}")).ToList(),
                SeriesStyle.Markers,
                ChartSeries.Black,
                MarkerShape.Square));
            var oracle = best[0].Efficiency.Oracle;
            series.Add(new ChartSeries(
                "oracle (earliest correct exit)",
                [new ChartPoint(oracle.RelativeCost, oracle.Accuracy, $"oracle: {F(oracle.RelativeCost, "F3")}, {F(oracle.Accuracy)}")],
                SeriesStyle.Markers,
                ChartSeries.Red,
                MarkerShape.Diamond));
        }

        var points = series.SelectMany(s => s.Points).ToList();
        var seeds = best.Count > 0 && best[0].PerSeed.Count > 1 ? $" (seed {best[0].PerSeed[0].Seed} of {best[0].PerSeed.Count}; the score is the mean over seeds)" : string.Empty;
        return new Chart(
            $"{ReportText.GroupTitle(group)}: accuracy vs compute",
            $"{group.Dataset} / {group.Architecture}: accuracy against relative FLOPs for the {best.Count} best methods",
            ChartAxis.Fit("relative cost: mean FLOPs per sample / FLOPs of the last exit", points.Select(p => p.X).Append(1.0)),
            ChartAxis.Fit("test accuracy", points.Select(p => p.Y)),
            series,
            $"Pareto front A(x) of the {best.Count} best global-threshold methods{seeds}; the legend gives each method's efficiency score with its 95% bootstrap interval. "
            + "Squares: every sample at one exit. Diamond: the oracle. Hover a point for its relative cost and accuracy.")
        {
            Width = 760,
            Height = 440,
        };
    }

    /// <summary>Accuracy against mean confidence per bin at one exit for each calibrator, over the diagonal, with the bins' counts as bars.</summary>
    public static Chart Reliability(IReadOnlyList<ReliabilityDiagram> diagrams, int exit)
    {
        ArgumentNullException.ThrowIfNull(diagrams);
        var bins = diagrams[0].PerExit[exit].Counts.Length;
        var series = new List<ChartSeries> { new("perfect calibration", [new ChartPoint(0, 0, null), new ChartPoint(1, 1, null)], SeriesStyle.Line, ChartSeries.Gray, Dashed: true) };
        var bars = new List<ChartBar>();
        foreach (var (diagram, i) in diagrams.Select((d, i) => (d, i)))
        {
            var data = diagram.PerExit[exit];
            series.Add(new ChartSeries(
                diagram.Calibrator,
                Enumerable.Range(0, data.Counts.Length).Where(m => data.Confidence[m] is not null && data.Accuracy[m] is not null)
                    .Select(m => new ChartPoint(data.Confidence[m]!.Value, data.Accuracy[m]!.Value, $"{diagram.Calibrator}: {F(data.Confidence[m], "F3")}, {F(data.Accuracy[m], "F3")}"))
                    .ToList(),
                SeriesStyle.Line,
                i % 10));

            // Side by side within each bin: bin m spans (m/M, (m+1)/M]; each calibrator's bar takes 45% of it.
            bars.AddRange(Enumerable.Range(0, data.Counts.Length).Where(m => data.Counts[m] > 0).Select(m => new ChartBar(
                (m + 0.05 + (0.45 * i)) / bins,
                (m + 0.5 + (0.45 * i)) / bins,
                data.Counts[m],
                $"{diagram.Calibrator}: {Count(data.Counts[m])} predictions with confidence in ({F((double)m / bins, "F3")}, {F((double)(m + 1) / bins, "F3")}]",
                i % 10)));
        }

        // Bars fill at most the lower third, so they never hide the curves.
        var most = diagrams.Max(d => d.PerExit[exit].Counts.DefaultIfEmpty(0).Max());
        return new Chart(
            $"Reliability, exit {exit + 1}",
            $"Reliability diagram of exit {exit + 1}: {string.Join(" vs ", diagrams.Select(d => d.Calibrator))}",
            new ChartAxis("confidence (max probability)", 0, 1),
            new ChartAxis("accuracy", 0, 1),
            series,
            $"Exit {exit + 1}: accuracy against mean confidence in each of {bins} equal-width bins (lines) and the predictions in each bin (bars, up to a third of the height).")
        {
            Bars = bars,
            BarScale = Math.Max(1, most) * 3.0,
        };
    }

    /// <summary>Selective risk against coverage at one exit for <paramref name="entries"/> (their seed-averaged curves).</summary>
    public static Chart RiskCoverage(IReadOnlyList<EntryResult> entries, int exit)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var series = entries.Select((entry, i) =>
        {
            var curves = entry.RiskCoverage!;
            var method = ReportText.Method(entry);
            var last = curves.Coverage.Count - 1;
            return new ChartSeries(
                method,
                curves.Coverage.Select((c, j) => new ChartPoint(c, curves.Risk[exit][j], j % RiskCoverageTipEvery == 0 || j == last ? $"{method}: {F(c, "F3")}, {F(curves.Risk[exit][j])}" : null)).ToList(),
                SeriesStyle.Line,
                i % 10);
        }).ToList();
        return new Chart(
            $"Risk–coverage, exit {exit + 1}",
            $"Risk–coverage curves of exit {exit + 1}",
            new ChartAxis("coverage (share of samples accepted)", 0, 1),
            ChartAxis.Fit("selective risk (error rate)", series.SelectMany(s => s.Points).Select(p => p.Y).Append(0)),
            series,
            $"Exit {exit + 1}: error rate among the most confident samples as more are accepted (lower is better; AURC is the area). "
            + $"Coverage grid of {entries[0].RiskCoverage!.Coverage.Count} points, averaged over seeds; markers every {RiskCoverageTipEvery} points.");
    }

    /// <summary>One proxy against the efficiency score, one point per global-threshold entry (both averaged over seeds), titled with ρ.</summary>
    public static Chart ProxyScatter(string proxy, CorrelationResult correlation, IReadOnlyList<(EntryResult Entry, double Proxy, double Score)> points)
    {
        ArgumentNullException.ThrowIfNull(correlation);
        ArgumentNullException.ThrowIfNull(points);
        var ci = correlation.SpearmanCi is { } c ? " " + ReportText.Interval(c, "F2") : string.Empty;
        return new Chart(
            $"{proxy}: ρ = {ReportText.F(correlation.Spearman, "F2")}{ci}",
            $"{proxy} against the efficiency score",
            ChartAxis.Fit($"{proxy} (mean over exits)", points.Select(p => p.Proxy)),
            ChartAxis.Fit("efficiency score", points.Select(p => p.Score)),
            [new ChartSeries(string.Empty, points.Select(p => new ChartPoint(p.Proxy, p.Score, $"{ReportText.Method(p.Entry)}: {F(p.Proxy, "G4")}, {F(p.Score)}")).ToList(), SeriesStyle.Markers, 0)],
            $"{points.Count} methods.")
        {
            Height = 300,
        };
    }

    /// <summary>Each proxy's Spearman ρ with efficiency and its bootstrap interval, one row per proxy in the order given, labelled with which way it is better.</summary>
    public static IntervalChart Correlations(IReadOnlyList<KeyValuePair<string, CorrelationResult>> proxies, IReadOnlyList<MetricSummary> metrics)
    {
        ArgumentNullException.ThrowIfNull(proxies);
        ArgumentNullException.ThrowIfNull(metrics);
        return new IntervalChart(
            "Which proxy predicts efficiency?",
            "Spearman correlation of each proxy with the efficiency score",
            new ChartAxis("Spearman ρ with efficiency (dot) and its 95% interval (line)", -1, 1),
            proxies.Select(p => new IntervalRow(
                $"{p.Key} {ReportText.Better(metrics, p.Key)}",
                p.Value.Spearman,
                p.Value.SpearmanCi?[0],
                p.Value.SpearmanCi?[1],
                $"{p.Key}: {F(p.Value.Spearman, "F2")}, " + (p.Value.SpearmanCi is { } ci ? ReportText.Interval(ci, "F2") : "no interval"))).ToList(),
            "Each proxy's mean over exits against the efficiency score, across the global-threshold methods (both averaged over seeds). "
            + "Lower-is-better proxies (↓: ECE, Brier, NLL, AURC, …) predict well when ρ is strongly negative.");
    }

    /// <summary>Measured dynamic inference: each timed threshold in FLOPs (open) and in wall-clock time (filled), per batch size; null without thresholds.</summary>
    public static Chart? MeasuredTime(MeasurementRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var thresholds = record.Measurement.Thresholds;
        if (thresholds.Count == 0)
        {
            return null;
        }

        var series = new List<ChartSeries>();
        foreach (var (batch, i) in thresholds.Select(t => t.BatchSize).Distinct().Order().Select((b, i) => (b, i)))
        {
            var points = thresholds.Where(t => t.BatchSize == batch).OrderBy(t => t.RelativeFlops).ToList();
            series.Add(new ChartSeries($"batch {batch}: measured time", points.Select(t => new ChartPoint(t.RelativeTime, t.Accuracy, $"batch {batch}, {t.Label}, time: {F(t.RelativeTime, "F3")}, {F(t.Accuracy)}")).ToList(), SeriesStyle.Markers, i % 10));
            series.Add(new ChartSeries($"batch {batch}: FLOPs", points.Select(t => new ChartPoint(t.RelativeFlops, t.Accuracy, $"batch {batch}, {t.Label}, FLOPs: {F(t.RelativeFlops, "F3")}, {F(t.Accuracy)}")).ToList(), SeriesStyle.Markers, i % 10, Hollow: true));
        }

        var all = series.SelectMany(s => s.Points).ToList();
        return new Chart(
            $"Measured early exit ({record.Calibrator} + {record.FailurePredictor})",
            "Accuracy against relative FLOPs and relative measured time",
            ChartAxis.Fit("relative cost: FLOPs (open) or wall-clock time (filled), vs the full network", all.Select(p => p.X)),
            ChartAxis.Fit("accuracy on the timed samples", all.Select(p => p.Y)),
            series,
            $"Dynamic inference of {record.Calibrator} + {record.FailurePredictor} on {record.Measurement.Samples} test samples ({record.Cell}, {record.Measurement.Device}, "
            + $"{record.Measurement.Threads} thread(s)) at the timed thresholds.")
        {
            Width = 760,
            Height = 400,
        };
    }

    private static string F(double? value, string format = "F4") => ReportText.F(value, format);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
