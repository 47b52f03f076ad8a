using ScottPlot;

namespace EarlyExitBench.Harness.Reporting;

/// <summary>The one place plots get their size, fonts and pixel density, and become <see cref="Figure"/>s.</summary>
internal static class PlotCanvas
{
    /// <summary>Pixels per CSS pixel: sharp on phones and in print, at about 100–250 KB per plot.</summary>
    private const float Density = 2;

    /// <summary>A sans-serif face with ρ, τ and –: Skia's default on a bare Debian box is DejaVu Serif.</summary>
    private static readonly Lazy<string> SansFont = new(() =>
    {
        var installed = SkiaSharp.SKFontManager.Default.GetFontFamilies().ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new[] { "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica" }.FirstOrDefault(installed.Contains) ?? Fonts.Sans;
    });

    /// <summary>A plot with the report's font sizes.</summary>
    public static Plot Create(bool small = false)
    {
        var plot = new Plot();

        plot.Font.Set(SansFont.Value);
        var size = small ? 13 : 14;
        plot.Axes.Title.Label.FontSize = size + 3;
        plot.Axes.Bottom.Label.FontSize = size;
        plot.Axes.Left.Label.FontSize = size;
        plot.Axes.Right.Label.FontSize = size;
        plot.Axes.Bottom.TickLabelStyle.FontSize = size - 1;
        plot.Axes.Left.TickLabelStyle.FontSize = size - 1;
        plot.Axes.Right.TickLabelStyle.FontSize = size - 1;
        plot.Legend.FontSize = size - 1;
        return plot;
    }

    /// <summary>Renders <paramref name="plot"/> at <paramref name="width"/> × <paramref name="height"/> CSS pixels.</summary>
    public static Figure Render(Plot plot, int width, int height, string fileName, string alt, string caption)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.ScaleFactor = Density;
        var png = plot.GetImageBytes((int)(width * Density), (int)(height * Density), ImageFormat.Png);
        return new Figure(fileName, alt, caption, png, width, height);
    }
}
