namespace EarlyExitBench.Harness.Reporting;

/// <summary>A rendered plot: a PNG file beside <c>report.md</c> (<c>report.html</c> draws its charts as SVG instead, <see cref="Web.SettingCharts"/>).</summary>
/// <param name="FileName">File name of the PNG (letters, digits, '-', '_', '.').</param>
/// <param name="Alt">What the plot shows, for screen readers and broken images.</param>
/// <param name="Caption">How to read it.</param>
/// <param name="Png">The PNG bytes.</param>
/// <param name="Width">Width in CSS pixels.</param>
/// <param name="Height">Height in CSS pixels.</param>
public sealed record Figure(string FileName, string Alt, string Caption, byte[] Png, int Width, int Height);
