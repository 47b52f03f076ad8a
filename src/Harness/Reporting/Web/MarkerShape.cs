namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>The marker drawn at a point.</summary>
public enum MarkerShape
{
    /// <summary>A circle.</summary>
    Circle,

    /// <summary>A square.</summary>
    Square,

    /// <summary>A diamond.</summary>
    Diamond,
}
