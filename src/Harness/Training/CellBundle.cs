using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Data;

namespace EarlyExitBench.Harness.Training;

/// <summary>A cell's logits, its exits, and (for a trained cell) its data split and cached model.</summary>
/// <param name="Bundle">Validation and test logits of every exit.</param>
/// <param name="Exits">Cumulative cost and parameters per exit.</param>
/// <param name="Split">The cell's split; null for a bring-your-own-logits cell.</param>
/// <param name="Checkpoint">The trained model's cached weights; null when there is no model to run.</param>
public sealed record CellBundle(LogitsBundle Bundle, IReadOnlyList<ExitInfo> Exits, DataSplit? Split, string? Checkpoint)
{
    /// <summary>
    /// The network this stage built, kept for measurement so that an architecture is built once per cell: trained, or
    /// freshly initialised when the logits came from the cache (measurement loads <see cref="Checkpoint"/> into it). Null
    /// when nothing will measure it; whoever runs the cell disposes it.
    /// </summary>
    public MultiExitModule? Model { get; init; }
}
