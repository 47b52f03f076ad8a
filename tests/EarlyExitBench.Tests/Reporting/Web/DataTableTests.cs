using System.Text.RegularExpressions;
using EarlyExitBench.Harness.Reporting;
using EarlyExitBench.Harness.Reporting.Web;

namespace EarlyExitBench.Tests.Reporting.Web;

/// <summary>The table's markup: the hooks the script and the browser tests rely on, raw sort values, escaping.</summary>
public class DataTableTests
{
    [Fact]
    public void TheTableCarriesTheSortAndFilterHooks()
    {
        var table = new DataTable(
            "t1",
            [new TableColumn("method", "method"), new TableColumn("efficiency", "efficiency", Numeric: true, Title: "higher is better")],
            [
                new TableRow([TableCell.Of("a <b> & c"), TableCell.Number(0.1 + 0.2)]),
                new TableRow([new TableCell("d", Href: "methods/d.html"), TableCell.Number(double.NaN)], Marked: true),
            ],
            Filter: true);

        var html = table.Render();

        Assert.Contains("<input class=\"eeb-filter\" type=\"search\" data-table=\"t1\"", html, StringComparison.Ordinal);
        Assert.Contains("<table class=\"eeb-table\" data-sortable id=\"t1\">", html, StringComparison.Ordinal);
        Assert.Equal(["method", "efficiency"], Regex.Matches(html, "<th data-key=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
        Assert.Contains("<th data-key=\"efficiency\" class=\"num\" data-sort-method=\"eeb-number\" title=\"higher is better\">", html, StringComparison.Ordinal);

        // The raw double (0.1 + 0.2 is not 0.3), while the cell shows 4 decimals; a missing number has no data-value.
        Assert.Contains("<td class=\"num\" data-value=\"0.30000000000000004\">0.3000</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">–</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>a &lt;b&gt; &amp; c</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"marked\"><td><a href=\"methods/d.html\">d</a></td>", html, StringComparison.Ordinal);

        // Cells wrap unless the table asks them not to (its box scrolls sideways instead).
        Assert.Contains("<div class=\"table-wrap\"><table", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"table-wrap nowrap\"><table class=\"eeb-table\" data-sortable id=\"t1\">", (table with { NoWrap = true }).Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void ARowOfTheWrongLengthIsRefused()
    {
        var table = new DataTable("t", [new TableColumn("a", "a")], [new TableRow([TableCell.Of("1"), TableCell.Of("2")])]);

        Assert.Contains("2 cells for 1 columns", Assert.Throws<ArgumentException>(() => table.Render()).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.8123", 0.8123)]
    [InlineData("12.5%", 12.5)]
    [InlineData("[0.8012, 0.8934]", 0.8012)]
    [InlineData("1,234,567", 1234567.0)]
    [InlineData("2–5", 2.0)]
    [InlineData("-0.25", -0.25)]
    [InlineData("1E-05", 0.00001)]
    public void AReportTableCellSortsByTheNumberItStartsWith(string text, double value) => Assert.Equal(value, WebTables.LeadingNumber(text));

    [Theory]
    [InlineData("–")]
    [InlineData("")]
    [InlineData("exit")]
    [InlineData("all")]
    public void ACellWithoutANumberHasNoSortValue(string text) => Assert.Null(WebTables.LeadingNumber(text));

    [Fact]
    public void AReportTableKeepsItsRowsMarksAndAlignment()
    {
        var report = new ReportTable(["exit", "cost (FLOPs)", "exit"], [true, true, false], [["1", "1,000", "a"], ["2", "–", "b"]], [false, true]);

        var html = WebTables.From(report, "x").Render();

        // Repeated headers get distinct keys; numbers sort by value, "–" has none.
        Assert.Equal(["exit", "cost-flops", "exit-2"], Regex.Matches(html, "<th data-key=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
        Assert.Contains("<tr><td class=\"num\" data-value=\"1\">1</td><td class=\"num\" data-value=\"1000\">1,000</td><td>a</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"marked\"><td class=\"num\" data-value=\"2\">2</td><td class=\"num\">–</td><td>b</td></tr>", html, StringComparison.Ordinal);
    }
}
