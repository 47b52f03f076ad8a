namespace EarlyExitBench.Harness.Suites;

/// <summary>
/// A training recipe: all exits trained jointly on a weighted sum of per-exit losses. Recipes shape calibration, so a
/// suite may list several; each is part of its cells' keys and of their leaderboard group.
/// </summary>
/// <param name="Epochs">Passes over the training split (at most, with early stopping).</param>
/// <param name="BatchSize">Mini-batch size.</param>
/// <param name="Optimizer"><c>adam</c>, <c>adamw</c> or <c>sgd</c>.</param>
/// <param name="LearningRate">Peak learning rate.</param>
/// <param name="Momentum">SGD momentum.</param>
/// <param name="WeightDecay">Weight decay (L2 for adam and sgd, decoupled for adamw).</param>
/// <param name="ExitWeights">Loss weight per exit; null = 1 for every exit.</param>
public sealed record TrainingSpec(int Epochs, int BatchSize, string Optimizer, double LearningRate, double Momentum, double WeightDecay, IReadOnlyList<double>? ExitWeights)
{
    /// <summary>The recipe's label in cells and leaderboard groups.</summary>
    public string Name { get; init; } = "default";

    /// <summary><c>cross_entropy</c> or <c>focal</c>.</summary>
    public string Loss { get; init; } = "cross_entropy";

    /// <summary>Label smoothing ε of the cross-entropy (0 = none).</summary>
    public double LabelSmoothing { get; init; }

    /// <summary>γ of the focal loss −(1−p_y)^γ log p_y.</summary>
    public double FocalGamma { get; init; } = 2;

    /// <summary><c>constant</c>, <c>cosine</c> (to 0 over the epochs after warm-up) or <c>step</c>.</summary>
    public string Schedule { get; init; } = "constant";

    /// <summary>Epochs of linear warm-up from 0 to the learning rate (fractions allowed).</summary>
    public double WarmupEpochs { get; init; }

    /// <summary>Step schedule: multiply the rate by <see cref="StepGamma"/> every this many epochs.</summary>
    public int StepEpochs { get; init; } = 1;

    /// <summary>Step schedule: the factor applied every <see cref="StepEpochs"/>.</summary>
    public double StepGamma { get; init; } = 0.1;

    /// <summary><c>none</c>, or <c>crop-flip</c>: random crop with 4-pixel zero padding and horizontal flip, seeded (the CIFAR recipe).</summary>
    public string Augment { get; init; } = "none";

    /// <summary>Stop when the validation loss has not improved for this many epochs and keep the best epoch's weights; null = off.</summary>
    public int? EarlyStoppingPatience { get; init; }

    /// <summary>The recipe without its label: what determines the trained model.</summary>
    public TrainingSpec WithoutName() => this with { Name = string.Empty };
}
