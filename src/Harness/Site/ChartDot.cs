namespace EarlyExitBench.Harness.Site;

/// <summary>A point of a site chart, with the text its hover shows.</summary>
/// <param name="X">Horizontal value.</param>
/// <param name="Y">Vertical value.</param>
/// <param name="Tip">The hover text (<c>data-tip</c>), e.g. "method: x, y".</param>
internal sealed record ChartDot(double X, double Y, string Tip);
