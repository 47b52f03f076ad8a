namespace EarlyExitBench.Harness.Cells;

/// <summary>A cell result read from disk, with the file it came from and the exact text its content hash covers.</summary>
/// <param name="Path">The <c>cells/KEY.json</c> file.</param>
/// <param name="Result">The deterministic result.</param>
/// <param name="Timing">Phase times and measurement of the run that made it.</param>
/// <param name="ResultText">The result's JSON text as stored; equal texts mean equal results.</param>
public sealed record StoredCell(string Path, CellResult Result, CellTiming Timing, string ResultText);
