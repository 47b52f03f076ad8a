using System.Globalization;
using System.Text;

namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>
/// Labelled values with their intervals, one row each (a dot and a line), on one horizontal axis: e.g. each proxy's
/// Spearman ρ with efficiency and its bootstrap interval. Drawn as an <c>&lt;svg class="eeb-chart"&gt;</c> like
/// <see cref="SvgChart"/>; each dot carries its <c>data-tip</c>.
/// </summary>
/// <param name="Title">Title drawn above the plot.</param>
/// <param name="Alt">What the chart shows, for screen readers.</param>
/// <param name="X">The horizontal axis.</param>
/// <param name="Rows">The rows, top first.</param>
/// <param name="Caption">How to read it; null for none.</param>
public sealed record IntervalChart(string Title, string Alt, ChartAxis X, IReadOnlyList<IntervalRow> Rows, string? Caption = null)
{
    private const double Left = 150;
    private const double Right = 14;
    private const double Top = 30;
    private const double Bottom = 42;
    private const double RowHeight = 22;

    /// <summary>Width in CSS pixels (the SVG scales down to its box).</summary>
    public int Width { get; init; } = 560;

    /// <summary>A vertical reference line at this value (0 for a correlation); null for none.</summary>
    public double? Reference { get; init; } = 0;

    /// <summary>The chart as an HTML <c>&lt;figure&gt;</c>.</summary>
    public string Render()
    {
        var height = Top + Bottom + (RowHeight * Math.Max(1, Rows.Count));

        // Room for the longest row label (≈ 6.5 px per character at the labels' 11 px font); the plot keeps its width.
        var left = Math.Max(Left, 16 + (6.5 * Rows.Select(r => r.Label.Length).DefaultIfEmpty(0).Max()));
        var width = Width + (int)Math.Ceiling(left - Left);
        var (x0, x1, y0) = (left, width - Right, height - Bottom);
        double Px(double v) => ChartGeometry.Scale(Math.Clamp(v, X.Min, X.Max), X.Min, X.Max, x0, x1);
        double Y(int row) => Top + (RowHeight * (row + 0.5));
        string C(double v) => Html.Coord(v);
        var svg = new StringBuilder();
        svg.Append("<figure class=\"eeb-figure\">\n<svg class=\"eeb-chart\" viewBox=\"0 0 ").Append(Html.Int(width)).Append(' ').Append(C(height))
            .Append("\" width=\"").Append(Html.Int(width)).Append("\" height=\"").Append(C(height))
            .Append("\" role=\"img\" aria-label=\"").Append(Html.E(Alt)).Append("\">\n");
        svg.Append("<text class=\"t\" x=\"").Append(C(width / 2.0)).Append("\" y=\"18\">").Append(Html.E(Title)).Append("</text>\n");
        var step = ChartGeometry.NiceStep(X.Max - X.Min);
        var format = "F" + Html.Int(ChartGeometry.Decimals(step));
        var ticks = ChartGeometry.Ticks(X.Min, X.Max);
        svg.Append("<path class=\"g\" d=\"");
        foreach (var t in ticks)
        {
            svg.Append('M').Append(C(Px(t))).Append(',').Append(C(y0)).Append('V').Append(C(Top));
        }

        svg.Append("\"/>\n<path class=\"a\" d=\"M").Append(C(x0)).Append(',').Append(C(Top)).Append('V').Append(C(y0)).Append('H').Append(C(x1)).Append("\"/>\n");
        if (Reference is { } reference && reference >= X.Min && reference <= X.Max)
        {
            svg.Append("<path class=\"l d s12\" d=\"M").Append(C(Px(reference))).Append(',').Append(C(Top)).Append('V').Append(C(y0)).Append("\"/>\n");
        }

        svg.Append("<g class=\"tx\">");
        foreach (var t in ticks)
        {
            svg.Append("<text x=\"").Append(C(Px(t))).Append("\" y=\"").Append(C(y0 + 14)).Append("\">").Append(t.ToString(format, CultureInfo.InvariantCulture)).Append("</text>");
        }

        svg.Append("</g>\n<g class=\"ty\">");
        for (var i = 0; i < Rows.Count; i++)
        {
            svg.Append("<text x=\"").Append(C(x0 - 6)).Append("\" y=\"").Append(C(Y(i) + 4)).Append("\">").Append(Html.E(Rows[i].Label)).Append("</text>");
        }

        svg.Append("</g>\n");
        svg.Append("<text class=\"xl\" x=\"").Append(C((x0 + x1) / 2)).Append("\" y=\"").Append(C(height - 6)).Append("\">").Append(Html.E(X.Label)).Append("</text>\n");
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            if (row.Low is { } low && row.High is { } high)
            {
                svg.Append("<path class=\"l s10\" d=\"M").Append(C(Px(low))).Append(',').Append(C(Y(i))).Append('H').Append(C(Px(high))).Append("\"/>\n");
            }

            if (row.Value is { } value)
            {
                svg.Append("<circle class=\"m ").Append(value < 0 ? "s3" : "s0").Append("\" cx=\"").Append(C(Px(value))).Append("\" cy=\"").Append(C(Y(i)))
                    .Append("\" r=\"5\" data-tip=\"").Append(Html.E(row.Tip)).Append("\"/>\n");
            }
        }

        svg.Append("</svg>\n");
        if (Caption is { } caption)
        {
            svg.Append("<figcaption>").Append(Html.E(caption)).Append("</figcaption>\n");
        }

        svg.Append("</figure>\n");
        return svg.ToString();
    }
}
