using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Reporting;

/// <summary>The report of one leaderboard group: the curve first, then the ranking, calibration, failure prediction, proxies and time.</summary>
internal static class GroupSection
{
    private const int PlottedMethods = 5;
    private const int TableRows = 15;
    private const int RiskCoverageMethods = 3;

    public static IEnumerable<ReportBlock> Build(LeaderboardDocument document, GroupResult group, int index)
    {
        var stem = Stem(group);
        var global = group.Entries.Where(e => e.ExitPolicy == PublishedNames.GlobalThreshold).ToList();
        yield return new Heading(2, ReportText.GroupTitle(group), $"group-{index + 1}");
        yield return new Paragraph(Headline(group), Lead: true);
        yield return new FigureGrid([CostPlots.Fronts(group, global.Take(PlottedMethods).ToList(), stem)]);

        yield return new Heading(3, "Ranking", $"group-{index + 1}-ranking");
        yield return RankingTables.Ranking(group, TableRows);

        if (Reliability(group) is { } diagrams)
        {
            yield return new Heading(3, "Calibration: reliability per exit", $"group-{index + 1}-reliability");
            yield return new FigureGrid(PlotCanvas.RenderAll(Enumerable.Range(0, diagrams.Min(d => d.PerExit.Count)).ToList(), k => CalibrationPlots.Reliability(group, diagrams, k, stem)),
                diagrams.Count > 1 ? $"identity against {diagrams[1].Calibrator}, the calibrator of the best-ranked entry that calibrates; pooled over seeds." : null);
        }

        var curves = RiskCoverageEntries(global);
        if (curves.Count > 0)
        {
            yield return new Heading(3, "Failure prediction: risk–coverage per exit", $"group-{index + 1}-risk-coverage");
            yield return new FigureGrid(PlotCanvas.RenderAll(Enumerable.Range(0, curves[0].RiskCoverage!.Risk.Count).ToList(), k => CalibrationPlots.RiskCoverage(curves, k, stem)));
        }

        var proxies = group.ProxyCorrelation.Where(p => !p.Key.Contains('@', StringComparison.Ordinal) && p.Value.Spearman.HasValue).ToList();
        if (proxies.Count > 0)
        {
            yield return new Heading(3, "Proxies vs efficiency", $"group-{index + 1}-proxies");
            yield return new FigureGrid([ProxyPlots.Correlations(proxies, stem)]);
            yield return new FigureGrid(PlotCanvas.RenderAll(proxies.OrderByDescending(p => Math.Abs(p.Value.Spearman ?? 0)).ToList(), p => ProxyPlots.Scatter(p.Key, p.Value, Points(global, p.Key), stem)),
                "One point per global-threshold method, both axes averaged over seeds; the title gives Spearman ρ with its 95% bootstrap interval.");
            yield return RankingTables.Proxies(document.Metrics, proxies);
        }

        var measured = document.Timing.Measurements.Where(m => BelongsTo(group, m.Cell)).ToList();
        if (measured.Count > 0)
        {
            yield return new Heading(3, "Measured time", $"group-{index + 1}-time");
            var first = measured[0];
            yield return new FigureGrid(new[] { CostPlots.MeasuredTime(group, first, stem), LatencyPlots.ExitLatency(first, stem) }.OfType<Figure>().ToList());
            yield return RankingTables.Measurements(measured);
            if (TimeTables.Rankings(measured) is { } rankings)
            {
                yield return new Paragraph(
                    "Ranked by measured time: each global-threshold method swept again with the measured cumulative latency of each exit (ms per sample, "
                    + "forward pass only) as its cost instead of FLOPs; means over the measured seeds. Highlighted rows rank differently in time than in FLOPs.");
                yield return rankings;
            }

            if (TimeTables.Overhead(measured) is { } overhead)
            {
                yield return new Paragraph(
                    "Where an exit's time goes, on one batch with every sample still running: its block and head (forward), then the exit decision of the "
                    + "measured method: calibrator, score, and gather (logits to the host, threshold, argmax, keeping the rows that go on), ms per batch.");
                yield return overhead;
            }
        }

        yield return new Heading(3, "Exits", $"group-{index + 1}-exits");
        yield return RankingTables.Exits(group);
    }

    /// <summary>File-name stem of the group's plots: dataset, architecture and, when the suite names recipes, the recipe.</summary>
    public static string Stem(GroupResult group) =>
        string.Join("__", new[] { group.Dataset, group.Architecture }.Concat(ReportText.NamedRecipe(group) ? [group.Recipe] : []).Select(ReportText.Safe));

    /// <summary>The group's one-line summary: its leader, with how many entries are tied with it.</summary>
    public static string Headline(GroupResult group)
    {
        if (group.Entries.Count == 0)
        {
            return "No entries.";
        }

        var leader = group.Entries[0];
        var seeds = leader.PerSeed.Count == 1 ? "1 seed" : $"{leader.PerSeed.Count} seeds";
        var text = $"Leader: {ReportText.Method(leader)}, efficiency {ReportText.Score(leader.Efficiency)} ({seeds}, {group.Entries.Count} entries).";
        if (leader.Efficiency.ScoreCi is null)
        {
            return text + " No bootstrap intervals (evaluation.efficiency_bootstrap is 0), so no ties are marked.";
        }

        var tied = group.Entries.Skip(1).Count(e => e.Efficiency.TiedWithLeader == true);
        return text + (tied == 0
            ? " Every other entry is behind it: the paired 95% interval of its gap to the leader stays above 0."
            : $" {tied} more {(tied == 1 ? "entry is" : "entries are")} tied with it (the paired 95% interval of the gap to the leader reaches 0), highlighted below.");
    }

    /// <summary>identity and the calibrator of the best-ranked entry that calibrates, when the group has their diagrams.</summary>
    public static IReadOnlyList<ReliabilityDiagram>? Reliability(GroupResult group)
    {
        if (group.Reliability.Count == 0)
        {
            return null;
        }

        var identity = group.Reliability.FirstOrDefault(r => r.Calibrator == "identity");
        var best = group.Entries.Select(e => e.Calibrator).FirstOrDefault(c => c != "identity") is { } label ? group.Reliability.FirstOrDefault(r => r.Calibrator == label) : null;
        var chosen = new[] { identity, best }.OfType<ReliabilityDiagram>().ToList();
        return chosen.Count > 0 ? chosen : [group.Reliability[0]];
    }

    /// <summary>The best global-threshold entries, and the identity + msp baseline when it is not among them.</summary>
    public static IReadOnlyList<EntryResult> RiskCoverageEntries(IReadOnlyList<EntryResult> global)
    {
        var withCurves = global.Where(e => e.RiskCoverage is not null).ToList();
        var chosen = withCurves.Take(RiskCoverageMethods).ToList();
        if (withCurves.FirstOrDefault(e => e.Calibrator == "identity" && e.FailurePredictor == "msp") is { } baseline && !chosen.Contains(baseline))
        {
            chosen.Add(baseline);
        }

        return chosen;
    }

    /// <summary>Each method's proxy (mean over exits, then over seeds, as the correlation takes it) and efficiency score.</summary>
    public static IReadOnlyList<(double Proxy, double Score)> Points(IReadOnlyList<EntryResult> global, string proxy) =>
        ProxyPoints(global, proxy).Select(p => (p.Proxy, p.Score)).ToList();

    /// <summary><see cref="Points"/> with the entry each point is.</summary>
    public static IReadOnlyList<(EntryResult Entry, double Proxy, double Score)> ProxyPoints(IReadOnlyList<EntryResult> global, string proxy) =>
        global
            .Where(e => e.PerSeed.Count > 0 && e.PerSeed.All(s => s.Proxies.ContainsKey(proxy)))
            .Select(e => (e, e.PerSeed.Average(s => s.Proxies[proxy]), e.Efficiency.Score))
            .ToList();

    /// <summary>The proxies whose correlation with efficiency the group reports (means over exits, not one exit's), strongest first.</summary>
    public static IReadOnlyList<KeyValuePair<string, CorrelationResult>> Proxies(GroupResult group) =>
        group.ProxyCorrelation.Where(p => !p.Key.Contains('@', StringComparison.Ordinal) && p.Value.Spearman.HasValue)
            .OrderByDescending(p => Math.Abs(p.Value.Spearman ?? 0)).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();

    /// <summary>Whether a cell name (<c>dataset/architecture[/recipe]/seed N</c>, or <c>dataset/architecture/bundle</c>) belongs to <paramref name="group"/>.</summary>
    public static bool BelongsTo(GroupResult group, string cell)
    {
        var prefix = $"{group.Dataset}/{group.Architecture}/";
        if (!cell.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = cell[prefix.Length..];
        return group.Recipe == PublishedNames.DefaultRecipe
            ? rest.StartsWith("seed ", StringComparison.Ordinal)
            : rest == group.Recipe || rest.StartsWith(group.Recipe + "/", StringComparison.Ordinal);
    }
}
