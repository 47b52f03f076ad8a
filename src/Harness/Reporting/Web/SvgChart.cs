using System.Globalization;
using System.Text;

namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>
/// Draws a <see cref="Chart"/> as an inline <c>&lt;svg class="eeb-chart"&gt;</c> in a figure with an HTML legend. Every
/// marker and bar that has a tip carries it as <c>data-tip</c>; the page's script shows it in <c>#eeb-tip</c> on hover.
/// Colours come from classes (s0–s12) that the stylesheet defines, so the markup stays small.
/// </summary>
public static class SvgChart
{
    private const double Left = 54;
    private const double Right = 14;
    private const double Top = 30;
    private const double Bottom = 42;

    /// <summary>The chart as an HTML <c>&lt;figure&gt;</c>.</summary>
    public static string Render(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var (w, h) = ((double)chart.Width, (double)chart.Height);
        var (x0, x1, y0, y1) = (Left, w - Right, h - Bottom, Top);
        double X(double v) => ChartGeometry.Scale(v, chart.X.Min, chart.X.Max, x0, x1);
        double Y(double v) => ChartGeometry.Scale(v, chart.Y.Min, chart.Y.Max, y0, y1);
        string C(double v) => Html.Coord(v);

        var svg = new StringBuilder();
        svg.Append("<figure class=\"eeb-figure\">\n<svg class=\"eeb-chart\" viewBox=\"0 0 ").Append(Html.Int(chart.Width)).Append(' ').Append(Html.Int(chart.Height))
            .Append("\" width=\"").Append(Html.Int(chart.Width)).Append("\" height=\"").Append(Html.Int(chart.Height))
            .Append("\" role=\"img\" aria-label=\"").Append(Html.E(chart.Alt)).Append("\">\n");
        svg.Append("<text class=\"t\" x=\"").Append(C(w / 2)).Append("\" y=\"18\">").Append(Html.E(chart.Title)).Append("</text>\n");

        // Grid and tick labels.
        var (xStep, yStep) = (chart.X.Step(chart.Width >= 600 ? 10 : 5), chart.Y.Step(chart.Height >= 400 ? 8 : 5));
        var xTicks = ChartGeometry.TicksEvery(chart.X.Min, chart.X.Max, xStep);
        var yTicks = ChartGeometry.TicksEvery(chart.Y.Min, chart.Y.Max, yStep);
        var xFormat = "F" + Html.Int(ChartGeometry.Decimals(xStep));
        var yFormat = "F" + Html.Int(ChartGeometry.Decimals(yStep));
        svg.Append("<path class=\"g\" d=\"");
        foreach (var t in xTicks)
        {
            svg.Append('M').Append(C(X(t))).Append(',').Append(C(y0)).Append('V').Append(C(y1));
        }

        foreach (var t in yTicks)
        {
            svg.Append('M').Append(C(x0)).Append(',').Append(C(Y(t))).Append('H').Append(C(x1));
        }

        svg.Append("\"/>\n<path class=\"a\" d=\"M").Append(C(x0)).Append(',').Append(C(y1)).Append('V').Append(C(y0)).Append('H').Append(C(x1)).Append("\"/>\n");
        svg.Append("<g class=\"tx\">");
        foreach (var t in xTicks)
        {
            svg.Append("<text x=\"").Append(C(X(t))).Append("\" y=\"").Append(C(y0 + 14)).Append("\">").Append(t.ToString(xFormat, CultureInfo.InvariantCulture)).Append("</text>");
        }

        svg.Append("</g>\n<g class=\"ty\">");
        foreach (var t in yTicks)
        {
            svg.Append("<text x=\"").Append(C(x0 - 4)).Append("\" y=\"").Append(C(Y(t) + 4)).Append("\">").Append(t.ToString(yFormat, CultureInfo.InvariantCulture)).Append("</text>");
        }

        svg.Append("</g>\n");
        svg.Append("<text class=\"xl\" x=\"").Append(C((x0 + x1) / 2)).Append("\" y=\"").Append(C(h - 6)).Append("\">").Append(Html.E(chart.X.Label)).Append("</text>\n");
        svg.Append("<text class=\"yl\" transform=\"translate(13,").Append(C((y0 + y1) / 2)).Append(") rotate(-90)\">").Append(Html.E(chart.Y.Label)).Append("</text>\n");

        foreach (var bar in chart.Bars)
        {
            var top = ChartGeometry.Scale(bar.Value, 0, chart.BarScale, y0, y1);
            svg.Append("<rect class=\"b s").Append(Html.Int(bar.Color)).Append("\" x=\"").Append(C(X(bar.X0))).Append("\" y=\"").Append(C(top))
                .Append("\" width=\"").Append(C(X(bar.X1) - X(bar.X0))).Append("\" height=\"").Append(C(y0 - top))
                .Append("\" data-tip=\"").Append(Html.E(bar.Tip)).Append("\"/>\n");
        }

        foreach (var series in chart.Series)
        {
            var color = " s" + Html.Int(series.Color);
            if (series.Style != SeriesStyle.Markers && series.Points.Count > 1)
            {
                var xy = series.Points.Select(p => (p.X, p.Y)).ToList();
                var corners = series.Style == SeriesStyle.Steps ? ChartGeometry.Steps(xy, chart.StepEnd) : xy;
                svg.Append("<path class=\"l").Append(series.Dashed ? " d" : string.Empty).Append(color).Append("\" d=\"");
                for (var i = 0; i < corners.Count; i++)
                {
                    svg.Append(i == 0 ? 'M' : 'L').Append(C(X(corners[i].X))).Append(',').Append(C(Y(corners[i].Y)));
                }

                svg.Append("\"/>\n");
            }

            var marker = "m" + (series.Hollow ? " h" : string.Empty) + color;
            foreach (var point in series.Points.Where(p => p.Tip is not null))
            {
                var (cx, cy) = (X(point.X), Y(point.Y));
                var tip = "\" data-tip=\"" + Html.E(point.Tip!) + "\"/>";
                switch (series.Shape)
                {
                    case MarkerShape.Square:
                        svg.Append("<rect class=\"").Append(marker).Append("\" x=\"").Append(C(cx - 4)).Append("\" y=\"").Append(C(cy - 4)).Append("\" width=\"8\" height=\"8").Append(tip);
                        break;
                    case MarkerShape.Diamond:
                        svg.Append("<path class=\"").Append(marker).Append("\" d=\"M").Append(C(cx)).Append(',').Append(C(cy - 6)).Append("l6,6l-6,6l-6,-6z").Append(tip);
                        break;
                    default:
                        svg.Append("<circle class=\"").Append(marker).Append("\" cx=\"").Append(C(cx)).Append("\" cy=\"").Append(C(cy)).Append("\" r=\"3.5").Append(tip);
                        break;
                }

                svg.Append('\n');
            }
        }

        svg.Append("</svg>\n");
        var named = chart.Series.Where(s => s.Name.Length > 0).ToList();
        if (named.Count > 0)
        {
            svg.Append("<ul class=\"eeb-legend\">");
            foreach (var series in named)
            {
                svg.Append("<li><i class=\"sw s").Append(Html.Int(series.Color)).Append(series.Dashed ? " d" : string.Empty).Append("\"></i>").Append(Html.E(series.Name)).Append("</li>");
            }

            svg.Append("</ul>\n");
        }

        if (chart.Caption is { } caption)
        {
            svg.Append("<figcaption>").Append(Html.E(caption)).Append("</figcaption>\n");
        }

        svg.Append("</figure>\n");
        return svg.ToString();
    }
}
