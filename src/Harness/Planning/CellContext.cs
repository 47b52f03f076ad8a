using Serilog;

namespace EarlyExitBench.Harness.Planning;

/// <summary>
/// What every stage of one cell needs: the plan, the cell, how to log and time, and when to stop. No TorchSharp type:
/// the stages that run a model resolve <see cref="Plan.Device"/> themselves (Training's <c>TorchRuntime</c>), so
/// planning and evaluating a given bundle never touch libtorch.
/// </summary>
/// <param name="Plan">The plan the cell belongs to.</param>
/// <param name="Cell">The cell.</param>
/// <param name="Logger">Logger, tagged with the cell.</param>
/// <param name="Timer">Phase timer of this cell.</param>
/// <param name="CancellationToken">Cancels the run.</param>
public sealed record CellContext(Plan Plan, Cell Cell, ILogger Logger, PhaseTimer Timer, CancellationToken CancellationToken);
