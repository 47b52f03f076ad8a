using EarlyExitBench.Harness.Reporting.Web;

namespace EarlyExitBench.Tests.Reporting.Web;

/// <summary>Values with intervals, one row each: dots and lines where their values say.</summary>
public class IntervalChartTests
{
    [Fact]
    public void DotsAndIntervalsSitWhereTheirValuesSay()
    {
        // Width 560, margins 150 left and 14 right: [-1, 1] onto [150, 546]. Rows 22 px from y = 30: row 0 at 41, row 1 at 63.
        var chart = new IntervalChart("ρ", "alt", new ChartAxis("rho", -1, 1),
        [
            new IntervalRow("auroc ↑", 0.5, 0.2, 0.8, "auroc: 0.50, [0.20, 0.80]"),
            new IntervalRow("ece ↓", -0.25, null, null, "ece: -0.25, no interval"),
        ]);

        var html = chart.Render();

        // 0.5 → 150 + 0.75 × 396 = 447; 0.2 → 387.6; 0.8 → 506.4; −0.25 → 150 + 0.375 × 396 = 298.5.
        Assert.Contains("<circle class=\"m s0\" cx=\"447\" cy=\"41\" r=\"5\" data-tip=\"auroc: 0.50, [0.20, 0.80]\"/>", html, StringComparison.Ordinal);
        Assert.Contains("<path class=\"l s10\" d=\"M387.6,41H506.4\"/>", html, StringComparison.Ordinal);
        Assert.Contains("<circle class=\"m s3\" cx=\"298.5\" cy=\"63\" r=\"5\" data-tip=\"ece: -0.25, no interval\"/>", html, StringComparison.Ordinal);

        // The reference line at 0 (x 348), from the top of the plot to its axis (30 + 2 × 22 = 74).
        Assert.Contains("<path class=\"l d s12\" d=\"M348,30V74\"/>", html, StringComparison.Ordinal);
        Assert.Contains(">auroc ↑</text>", html, StringComparison.Ordinal);
        Assert.Contains("viewBox=\"0 0 560 116\"", html, StringComparison.Ordinal);
    }
}
