using System.Globalization;
using System.Text;
using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>
/// One setting (dataset × architecture × recipe) of a leaderboard as a section of a page: the headline, the Pareto fronts,
/// the ranking (every entry, with intervals, shared ranks and ties, sortable and filterable, plus the caller's extra
/// columns), reliability and risk–coverage per exit, the proxies' correlations with efficiency, measured time when there
/// is some, and the exits. The run's <c>report.html</c> shows one per group; the site gives each its own page.
/// </summary>
public static class SettingPage
{
    /// <summary>The section as an HTML fragment, for <see cref="WebPage.Body"/>.</summary>
    public static string Render(SettingInput input, SettingPageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= new SettingPageOptions();
        var group = input.Group;
        var id = options.IdPrefix;
        var (h, hh) = (options.HeadingLevel, options.HeadingLevel + 1);
        var global = group.Entries.Where(e => e.ExitPolicy == PublishedNames.GlobalThreshold).ToList();
        var html = new StringBuilder();
        html.Append("<section class=\"eeb-setting\" id=\"").Append(Html.E(id)).Append("\">\n");
        Heading(html, h, options.Title ?? ReportText.GroupTitle(group), null);
        html.Append("<p class=\"lead\">").Append(Html.E(GroupSection.Headline(group))).Append("</p>\n");
        if (global.Count > 0)
        {
            html.Append(SvgChart.Render(SettingCharts.Fronts(group, global.Take(options.PlottedFronts).ToList())));
        }

        Heading(html, hh, "Ranking", id + "-ranking");
        Ranking(input, options).Render(html);

        if (GroupSection.Reliability(group) is { } diagrams)
        {
            Heading(html, hh, "Calibration: reliability per exit", id + "-reliability");
            Grid(html, Enumerable.Range(0, diagrams.Min(d => d.PerExit.Count)).Select(k => SettingCharts.Reliability(diagrams, k)),
                diagrams.Count > 1 ? $"identity against {diagrams[1].Calibrator}, the calibrator of the best-ranked entry that calibrates; pooled over seeds." : null);
        }

        var curves = GroupSection.RiskCoverageEntries(global);
        if (curves.Count > 0)
        {
            Heading(html, hh, "Failure prediction: risk–coverage per exit", id + "-risk-coverage");
            Grid(html, Enumerable.Range(0, curves.Min(c => c.RiskCoverage!.Risk.Count)).Select(k => SettingCharts.RiskCoverage(curves, k)), null);
        }

        var proxies = GroupSection.Proxies(group);
        if (proxies.Count > 0)
        {
            Heading(html, hh, "Proxies vs efficiency", id + "-proxies");
            html.Append(SettingCharts.Correlations(proxies, input.Metrics).Render());
            Table(html, RankingTables.Proxies(input.Metrics, proxies), id + "-proxy-table",
                "Rank correlation of each proxy (mean over exits) with the efficiency score across the global-threshold methods, both averaged over seeds; "
                + "95% bootstrap intervals over methods. Lower-is-better proxies (↓) predict well when ρ is strongly negative.");
            Grid(html, proxies.Select(p => SettingCharts.ProxyScatter(p.Key, p.Value, GroupSection.ProxyPoints(global, p.Key))),
                "One point per global-threshold method, both axes averaged over seeds; the title gives Spearman ρ with its 95% bootstrap interval.");
        }

        if (input.Measurements.Count > 0)
        {
            Heading(html, hh, "Measured time", id + "-time");
            if (SettingCharts.MeasuredTime(input.Measurements[0]) is { } chart)
            {
                html.Append(SvgChart.Render(chart));
            }

            Table(html, RankingTables.Measurements(input.Measurements), id + "-measurements");
            if (LatencyTable(input.Measurements) is { } latency)
            {
                Table(html, latency, id + "-latency", "Milliseconds per sample to reach each exit (backbone and every head up to it, no early exit), median over repeats.");
            }

            if (TimeTables.Rankings(input.Measurements) is { } rankings)
            {
                Table(html, rankings, id + "-time-ranking",
                    "Ranked by measured time: each global-threshold method swept again with the measured cumulative latency of each exit as its cost instead of FLOPs; "
                    + "means over the measured seeds. Highlighted rows rank differently in time than in FLOPs.");
            }

            if (TimeTables.Overhead(input.Measurements) is { } overhead)
            {
                Table(html, overhead, id + "-overhead",
                    "Where an exit's time goes, on one batch with every sample still running: its block and head (forward), then the exit decision "
                    + "(calibrator, score, gather), ms per batch.");
            }
        }

        Heading(html, hh, "Exits", id + "-exits");
        Table(html, RankingTables.Exits(group), id + "-exit-table");
        html.Append("</section>\n");
        return html.ToString();
    }

    /// <summary>The ranking as a table: every entry in rank order, the caller's extra columns after the method's.</summary>
    public static DataTable Ranking(SettingInput input, SettingPageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= new SettingPageOptions();
        var entries = input.Group.Entries;
        var shared = entries.GroupBy(e => e.Rank).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var extra = options.ExtraColumns;
        var columns = new List<TableColumn>
        {
            new("rank", "rank", true, "1 = highest mean efficiency; \"2=\" marks a rank shared by methods identical on every sample"),
            new("rank-ci", "rank 95%", true, "2.5–97.5% percentiles of the rank over the paired bootstrap replicates"),
            new("calibrator", "calibrator"),
            new("failure-predictor", "failure predictor"),
            new("exit-policy", "exit policy"),
        };
        columns.AddRange(extra.Select(c => c.Column));
        columns.AddRange(
        [
            new("efficiency", "efficiency", true, "efficiency score: mean accuracy reachable at each relative cost (mean over seeds)"),
            new("efficiency-ci", "95% interval", true, "bootstrap percentile interval over test samples"),
            new("deployable", "deployable", true, "thresholds chosen on validation, applied to test"),
            new("oracle-gap", "oracle − deployable, 95%", true),
            new("gap-to-leader", "gap to leader, 95%", true, "paired bootstrap interval of the leader's score minus this one"),
            new("tied", "tied", false, "tied: the interval of the gap to the leader reaches 0"),
            new("acc-25", "acc@25%", true),
            new("acc-50", "acc@50%", true),
            new("acc-75", "acc@75%", true),
            new("acc-100", "acc@100%", true),
            new("saved-0", "saved @ δ=0", true, "share of cost saved at the last exit's accuracy"),
            new("last-exit-ece", "last-exit ECE", true),
            new("mean-auroc", "mean AUROC", true, "AUROC averaged over exits"),
        ]);
        var rows = entries.Select(e =>
        {
            var b = e.Efficiency.AccuracyAtBudget;
            var d = e.Efficiency.Deployable;
            var auroc = e.PerExit.Select(x => x.Auroc).OfType<double>().DefaultIfEmpty(double.NaN).Average();
            var cells = new List<TableCell>
            {
                TableCell.Sorted(e.Rank.ToString(CultureInfo.InvariantCulture) + (shared.Contains(e.Rank) ? "=" : string.Empty), e.Rank),
                e.RankCi is { } r ? TableCell.Sorted($"{r[0]}–{r[1]}", r[0]) : TableCell.Of("–"),
                TableCell.Of(e.Calibrator),
                TableCell.Of(e.FailurePredictor),
                TableCell.Of(e.ExitPolicy),
            };
            cells.AddRange(extra.Select(c => c.Cell(e)));
            cells.AddRange(
            [
                TableCell.Number(e.Efficiency.Score),
                e.Efficiency.ScoreCi is { } ci ? TableCell.Sorted(ReportText.Interval(ci), ci[0]) : TableCell.Of("–"),
                TableCell.Number(d?.Score),
                d is null ? TableCell.Of("–") : TableCell.Sorted(ReportText.F(d.OracleGap) + (d.OracleGapCi is { } g ? " " + ReportText.Interval(g) : string.Empty), d.OracleGap),
                e.Rank == 1 || e.Efficiency.GapToLeaderCi is not { } gap ? TableCell.Of("–") : TableCell.Sorted(ReportText.Interval(gap), gap[0]),
                TableCell.Of(e.Efficiency.TiedWithLeader switch { true when e.Rank == 1 => "leader", true => "tied", false => "", null => "–" }),
                TableCell.Number(b.GetValueOrDefault("0.25", double.NaN)),
                TableCell.Number(b.GetValueOrDefault("0.5", double.NaN)),
                TableCell.Number(b.GetValueOrDefault("0.75", double.NaN)),
                TableCell.Number(b.GetValueOrDefault("1.0", double.NaN)),
                e.Efficiency.CostSavedAtMatchedAccuracy.TryGetValue("0", out var s) && s is { } v ? TableCell.Sorted(v.ToString("P1", CultureInfo.InvariantCulture), v) : TableCell.Of("–"),
                TableCell.Number(e.PerExit.Count > 0 ? e.PerExit[^1].Ece : null),
                TableCell.Number(auroc),
            ]);
            return new TableRow(cells, e.Efficiency.TiedWithLeader == true);
        }).ToList();
        var duplicate = columns.GroupBy(c => c.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"the ranking has two columns with key \"{duplicate.Key}\"", nameof(options));
        }

        return new DataTable(options.IdPrefix + "-ranking-table", columns, rows, Filter: true,
            Caption: "Every entry, in rank order; click a header to sort, type in the box to filter. Highlighted rows are tied with the leader "
            + "(the paired 95% interval of their gap to it reaches 0); \"2=\" marks a rank shared by methods that are identical on every sample.")
        {
            NoWrap = true,
        };
    }

    /// <summary>Milliseconds per sample to each exit, per batch size, of every measured cell; null when none has latencies.</summary>
    private static ReportTable? LatencyTable(IReadOnlyList<MeasurementRecord> measured)
    {
        var rows = measured.SelectMany(m => m.Measurement.ExitLatency.OrderBy(l => l.BatchSize).ThenBy(l => l.Exit).Select(l => (IReadOnlyList<string>)
        [
            m.Cell,
            l.BatchSize.ToString(CultureInfo.InvariantCulture),
            l.Exit.ToString(CultureInfo.InvariantCulture),
            ReportText.F(l.MsPerSample, "G4"),
            ReportText.F(l.RelativeFlops, "F3"),
            ReportText.F(l.RelativeTime, "F3"),
        ])).ToList();
        return rows.Count == 0 ? null : new ReportTable(["cell", "batch", "exit", "ms per sample", "relative FLOPs", "relative time"], [false, true, true, true, true, true], rows, []);
    }

    /// <summary>A report table of the section as a sortable table whose cells keep to one line.</summary>
    private static void Table(StringBuilder html, ReportTable table, string id, string? caption = null) =>
        (WebTables.From(table, id, caption: caption) with { NoWrap = true }).Render(html);

    private static void Heading(StringBuilder html, int level, string text, string? id)
    {
        var tag = "h" + Html.Int(Math.Clamp(level, 1, 6));
        html.Append('<').Append(tag);
        if (id is not null)
        {
            html.Append(" id=\"").Append(Html.E(id)).Append('"');
        }

        html.Append('>').Append(Html.E(text)).Append("</").Append(tag).Append(">\n");
    }

    private static void Grid(StringBuilder html, IEnumerable<Chart> charts, string? caption)
    {
        html.Append("<div class=\"eeb-grid\">\n");
        foreach (var chart in charts)
        {
            html.Append(SvgChart.Render(chart));
        }

        html.Append("</div>\n");
        if (caption is not null)
        {
            html.Append("<p class=\"caption\">").Append(Html.E(caption)).Append("</p>\n");
        }
    }
}
