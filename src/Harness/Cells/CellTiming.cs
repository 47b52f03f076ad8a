using EarlyExitBench.Harness.Measurement;
using EarlyExitBench.Harness.Planning;

namespace EarlyExitBench.Harness.Cells;

/// <summary>What a cell measured of the machine that ran it: differs from run to run, so kept apart from the result.</summary>
/// <param name="Phases">Seconds per phase.</param>
/// <param name="Measurement">Real dynamic inference, when the suite measures.</param>
public sealed record CellTiming(IReadOnlyList<PhaseTiming> Phases, MeasurementRecord? Measurement);
