using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Suites;
using Serilog;
using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Training;

/// <summary>What one training run needs.</summary>
/// <param name="Model">Freshly built model, already on <paramref name="Device"/>.</param>
/// <param name="Train">Training images.</param>
/// <param name="Recipe">Optimiser, epochs, batch size, exit weights.</param>
/// <param name="Seed">Seed for shuffling.</param>
/// <param name="Device">Device.</param>
/// <param name="Logger">Logger.</param>
/// <param name="OnBatch">Called after each batch with the running loss and last-exit accuracy; may be null.</param>
/// <param name="Checkpoints">Where to save and resume end-of-epoch state; null trains without checkpoints.</param>
public sealed record TrainingJob(
    MultiExitModule Model,
    ImageSet Train,
    TrainingSpec Recipe,
    int Seed,
    Device Device,
    ILogger Logger,
    Action<TrainingProgress>? OnBatch,
    TrainingCheckpoints? Checkpoints)
{
    /// <summary>Validation images for early stopping; required when the recipe stops early.</summary>
    public ImageSet? Validation { get; init; }
}
