using Serilog;
using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Planning;

/// <summary>What every stage of one cell needs: the plan, the cell, where to compute, how to log and time, and when to stop.</summary>
/// <param name="Plan">The plan the cell belongs to.</param>
/// <param name="Cell">The cell.</param>
/// <param name="Device">Device models run on.</param>
/// <param name="Logger">Logger, tagged with the cell.</param>
/// <param name="Timer">Phase timer of this cell.</param>
/// <param name="CancellationToken">Cancels the run.</param>
public sealed record CellContext(Plan Plan, Cell Cell, Device Device, ILogger Logger, PhaseTimer Timer, CancellationToken CancellationToken);
