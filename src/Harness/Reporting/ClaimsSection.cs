using System.Globalization;
using System.Text;
using EarlyExitBench.Harness.Claims;
using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Reporting;

/// <summary>The claims' verdicts as Markdown: what <c>eebench claims</c> prints and the claims section of <c>report.md</c>.</summary>
public static class ClaimsSection
{
    /// <summary>Renders <paramref name="report"/>; with <paramref name="correlations"/> also every group's proxy-correlation table.</summary>
    /// <param name="report">The evaluated claims.</param>
    /// <param name="correlations">Whether to append the proxy-correlation tables.</param>
    /// <param name="heading">Markdown heading level of the section (2 = ##).</param>
    public static string Render(ClaimsReport report, bool correlations, int heading = 2)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (h, hh) = (new string('#', heading), new string('#', heading + 1));
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"{h} The paper's claims");
        md.AppendLine();
        var intervals = report.RulesVersion == ClaimsOptions.V1
            ? string.Create(CultureInfo.InvariantCulture, $"Rules: {report.Rules} (fixed before any result was seen). Groups: {report.Groups.Count}. Intervals: 95% percentile bootstrap, {report.Resamples} resamples, seed {report.BootstrapSeed}.")
            : string.Create(CultureInfo.InvariantCulture, $"Rules: {report.Rules} (fixed before any v2 result was computed). Groups: {report.Groups.Count}. Intervals: 95% two-level (seeds within groups × the cells' shared test resamples, paired across methods), components t interval, {report.Resamples} seed resamples, seed {report.BootstrapSeed}.");
        md.AppendLine(intervals);
        md.AppendLine();
        md.AppendLine("| # | claim | verdict | numbers |");
        md.AppendLine("|---:|---|---|---|");
        foreach (var claim in report.Claims)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {claim.Number} | {Cell(claim.Claim)} | **{Verdict(claim.Verdict)}** | {Cell(string.Join("; ", claim.Statistics.Take(report.RulesVersion == ClaimsOptions.V1 ? 2 : 3).Select(Format)))} |");
        }

        md.AppendLine();
        foreach (var claim in report.Claims)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"{hh} Claim {claim.Number}: {Verdict(claim.Verdict)}");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"{claim.Claim}");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Rule: {claim.Rule}");
            md.AppendLine();
            foreach (var statistic in claim.Statistics)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {Format(statistic)}");
            }

            foreach (var note in claim.Notes)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- note: {note}");
            }

            if (claim.Groups.Count > 0)
            {
                md.AppendLine();
                md.AppendLine("| group | verdict | numbers |");
                md.AppendLine("|---|---|---|");
                foreach (var row in claim.Groups)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(row.Group)} | {Verdict(row.Verdict)} | {Cell(string.Join("; ", row.Statistics.Select(Format)))} |");
                }
            }

            md.AppendLine();
        }

        if (correlations)
        {
            AppendCorrelations(report, md, hh);
        }

        return md.ToString();
    }

    /// <summary>"supported", "not supported" or "inconclusive".</summary>
    public static string Verdict(ClaimVerdict verdict) => verdict switch
    {
        ClaimVerdict.Supported => "supported",
        ClaimVerdict.NotSupported => "not supported",
        _ => "inconclusive",
    };

    /// <summary>"name value [low, high]"; whole numbers without an interval (counts, ranks) without decimals.</summary>
    public static string Format(ClaimStatistic statistic)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        var value = statistic.Low is null && statistic.High is null && statistic.Value == Math.Round(statistic.Value) && Math.Abs(statistic.Value) < 1e9
            ? statistic.Value.ToString("F0", CultureInfo.InvariantCulture)
            : Number(statistic.Value);
        var interval = statistic.Low is { } low && statistic.High is { } high ? $" [{Number(low)}, {Number(high)}]" : string.Empty;
        return $"{statistic.Name} = {value}{interval}";
    }

    private static void AppendCorrelations(ClaimsReport report, StringBuilder md, string heading)
    {
        md.AppendLine(CultureInfo.InvariantCulture, $"{heading} Proxy vs efficiency, per group");
        md.AppendLine();
        md.AppendLine("Spearman ρ and Kendall τ_b of each proxy (mean over exits) with the efficiency score across the group's global-threshold methods, averaged over seeds; 95% bootstrap intervals over methods, from the leaderboard.");
        md.AppendLine();
        foreach (var (group, proxies) in report.ProxyCorrelation)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"**{group}**");
            md.AppendLine();
            md.AppendLine("| proxy | Spearman ρ | 95% CI | Kendall τ | 95% CI | methods |");
            md.AppendLine("|---|---:|---|---:|---|---:|");
            foreach (var (name, c) in proxies)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Number(c.Spearman)} | {Interval(c.SpearmanCi)} | {Number(c.Kendall)} | {Interval(c.KendallCi)} | {c.Count} |");
            }

            md.AppendLine();
        }
    }

    private static string Interval(double[]? ci) => ci is { Length: 2 } ? $"[{Number(ci[0])}, {Number(ci[1])}]" : "–";

    private static string Number(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "–";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
