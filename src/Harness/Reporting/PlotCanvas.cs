using ScottPlot;
using SkiaSharp;

namespace EarlyExitBench.Harness.Reporting;

/// <summary>The one place plots get their size, fonts and pixel density, and become <see cref="Figure"/>s.</summary>
internal static class PlotCanvas
{
    /// <summary>
    /// PNG encoding: the "up" filter and zlib level 3 encode a plot about 4× faster than Skia's default (every filter
    /// tried per row, level 6), for files about a quarter larger; with tens of plots, encoding was most of the report's time.
    /// </summary>
    private static readonly SKPngEncoderOptions PngOptions = new(SKPngEncoderFilterFlags.Up, 3);

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
        var (pixelWidth, pixelHeight) = ((int)(width * Density), (int)(height * Density));
        using var surface = SKSurface.Create(new SKImageInfo(pixelWidth, pixelHeight))
            ?? throw new InvalidOperationException($"Skia could not allocate a {pixelWidth} × {pixelHeight} surface for {fileName}.");
        plot.Render(surface.Canvas, pixelWidth, pixelHeight);
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        using var png = pixels.Encode(PngOptions) ?? throw new InvalidOperationException($"Skia could not encode {fileName} as PNG.");
        return new Figure(fileName, alt, caption, png.ToArray(), width, height);
    }

    /// <summary>
    /// Renders one figure per item on every core, in item order. Each plot is its own object and ScottPlot's shared
    /// font cache is concurrent, so plots render independently; a report has tens of them (two per exit).
    /// </summary>
    public static IReadOnlyList<Figure> RenderAll<T>(IReadOnlyList<T> items, Func<T, Figure> render)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(render);
        var figures = new Figure[items.Count];
        Parallel.For(0, items.Count, i => figures[i] = render(items[i]));
        return figures;
    }
}
