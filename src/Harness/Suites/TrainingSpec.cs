namespace EarlyExitBench.Harness.Suites;

/// <summary>How to train every architecture: all exits jointly on a weighted sum of cross-entropies.</summary>
/// <param name="Epochs">Passes over the training split.</param>
/// <param name="BatchSize">Mini-batch size.</param>
/// <param name="Optimizer"><c>adam</c> or <c>sgd</c>.</param>
/// <param name="LearningRate">Learning rate.</param>
/// <param name="Momentum">SGD momentum.</param>
/// <param name="WeightDecay">L2 weight decay.</param>
/// <param name="ExitWeights">Loss weight per exit; null = 1 for every exit.</param>
public sealed record TrainingSpec(int Epochs, int BatchSize, string Optimizer, double LearningRate, double Momentum, double WeightDecay, IReadOnlyList<double>? ExitWeights);
