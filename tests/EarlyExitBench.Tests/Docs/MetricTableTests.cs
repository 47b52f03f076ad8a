using System.Globalization;
using System.Text;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Pipeline;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Docs;

/// <summary>
/// docs/contributors/metrics.md's table of keys is the metric registry (the built-ins and the repository's metric plugins), in
/// leaderboard order: key, where it comes from, family, direction, range, proxy, whether it can be null, description, citation.
/// A metric added, removed or redescribed without the table fails here; <c>EEBENCH_UPDATE_DOCS=1</c> rewrites the table.
/// </summary>
public class MetricTableTests
{
    private const string Begin = "<!-- metric table: generated from the metric registry by MetricTableTests; EEBENCH_UPDATE_DOCS=1 rewrites it -->";
    private const string End = "<!-- end of metric table -->";
    private static readonly string DocPath = Path.Combine(TestPaths.RepoRoot, "docs", "contributors", "metrics.md");

    [Fact]
    public void TheMetricTableIsTheRegistry()
    {
        var catalog = PluginHost.Load([TestPaths.Plugins], Loggers.Silent, HostPlugins.Register);
        var generated = Table(PlanBuilder.Metrics(catalog, Loggers.Silent));
        var text = File.ReadAllText(DocPath).ReplaceLineEndings("\n");
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/contributors/metrics.md has no '{Begin}' ... '{End}' block");
        if (Environment.GetEnvironmentVariable("EEBENCH_UPDATE_DOCS") == "1")
        {
            text = text[..(start + Begin.Length)] + "\n" + generated + text[end..];
            File.WriteAllText(DocPath, text);
        }

        var current = text[(start + Begin.Length + 1)..text.IndexOf(End, StringComparison.Ordinal)];
        Assert.True(current == generated, $"docs/contributors/metrics.md's metric table differs from the registry; if intended, rerun with EEBENCH_UPDATE_DOCS=1.\nexpected:\n{generated}\nactual:\n{current}");
        Assert.Contains("| `ece` | built-in | calibration |", generated, StringComparison.Ordinal);
        Assert.Contains("| `aurc_trapezoid` | EarlyExitBench.Metrics.Conventions | failure prediction |", generated, StringComparison.Ordinal);
    }

    private static string Table(IReadOnlyList<PlannedMetric> metrics)
    {
        var table = new StringBuilder();
        table.Append("| key | from | family | better | range | proxy | may be null | description | citation |\n");
        table.Append("|---|---|---|---|---|---|---|---|---|\n");
        foreach (var metric in metrics)
        {
            var registration = metric.Plugin.Registration;
            var info = metric.Info;
            var from = registration.AssemblyPath == PluginHost.BuiltInPath ? "built-in" : registration.Assembly.Split(' ')[0];
            table.Append(CultureInfo.InvariantCulture,
                $"| `{registration.Alias}` | {from} | {MetricSummary.FamilyName(info.Family)} | {(info.Direction == MetricDirection.HigherIsBetter ? "higher" : "lower")} | " +
                $"{Range(info)} | {YesNo(info.IsProxy)} | {YesNo(info.MayBeUndefined)} | " +
                $"{Cell(registration.Description)} | {Cell(info.Citation)} |\n");
        }

        return table.ToString();
    }

    private static string Range(MetricInfo info) =>
        (info.Minimum is { } low ? $"[{low.ToString("R", CultureInfo.InvariantCulture)}" : "(−∞") + ", " +
        (info.Maximum is { } high ? $"{high.ToString("R", CultureInfo.InvariantCulture)}]" : "∞)");

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
