using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Pipeline;
using EarlyExitBench.Harness.Suites;
using Serilog;
using TorchSharp;
using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Training;

/// <summary>Trains every exit jointly on Σ_k w_k · CE(logits_k, y), seeded.</summary>
public static class Trainer
{
    /// <summary>Per-epoch summary for progress reporting.</summary>
    /// <param name="Epoch">1-based epoch.</param>
    /// <param name="Loss">Mean weighted loss over the epoch.</param>
    /// <param name="LastExitAccuracy">Training accuracy of the last exit over the epoch.</param>
    public sealed record EpochSummary(int Epoch, double Loss, double LastExitAccuracy);

    /// <summary>Trains <paramref name="model"/> in place on <paramref name="train"/>.</summary>
    /// <param name="model">Freshly built model, already on <paramref name="device"/>.</param>
    /// <param name="train">Training images.</param>
    /// <param name="recipe">Optimiser, epochs, batch size, exit weights.</param>
    /// <param name="seed">Seed for shuffling.</param>
    /// <param name="device">Device.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="onBatch">Called after each batch with the running loss and last-exit accuracy.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    public static IReadOnlyList<EpochSummary> Train(
        MultiExitModule model,
        ImageSet train,
        TrainingSpec recipe,
        int seed,
        Device device,
        ILogger logger,
        Action<TrainingProgress>? onBatch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(recipe);
        var exits = model.Stages.Count;
        var weights = recipe.ExitWeights ?? Enumerable.Repeat(1.0, exits).ToList();
        if (weights.Count != exits)
        {
            throw new ArgumentException($"training.exit_weights has {weights.Count} entries but the architecture has {exits} exits.");
        }

        using var optimizer = recipe.Optimizer == "sgd"
            ? (optim.Optimizer)optim.SGD(model.parameters(), recipe.LearningRate, recipe.Momentum, weight_decay: recipe.WeightDecay)
            : optim.Adam(model.parameters(), recipe.LearningRate, weight_decay: recipe.WeightDecay);
        var lossFunction = nn.CrossEntropyLoss();
        var random = new Random(seed);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var batchesPerEpoch = (train.Count + recipe.BatchSize - 1) / recipe.BatchSize;
        var summaries = new List<EpochSummary>();
        model.train();
        for (var epoch = 1; epoch <= recipe.Epochs; epoch++)
        {
            random.Shuffle(order);
            double lossSum = 0;
            long correct = 0;
            for (var b = 0; b < batchesPerEpoch; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var indices = order.AsSpan(b * recipe.BatchSize, Math.Min(recipe.BatchSize, train.Count - (b * recipe.BatchSize)));
                var (x, y) = Batches.Make(train, indices, device);
                var logits = model.forward(x);
                var loss = lossFunction.forward(logits[0], y) * weights[0];
                for (var k = 1; k < exits; k++)
                {
                    loss = loss + (lossFunction.forward(logits[k], y) * weights[k]);
                }

                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                var value = loss.item<float>();
                if (!float.IsFinite(value))
                {
                    throw new InvalidOperationException($"training diverged: loss is {value} at epoch {epoch}, batch {b + 1}; lower training.learning_rate");
                }

                lossSum += value * indices.Length;
                correct += logits[^1].argmax(1).eq(y).sum().item<long>();
                var seen = (b * recipe.BatchSize) + indices.Length;
                onBatch?.Invoke(new TrainingProgress(((epoch - 1) * batchesPerEpoch) + b + 1, recipe.Epochs * batchesPerEpoch, lossSum / seen, (double)correct / seen));
            }

            var summary = new EpochSummary(epoch, lossSum / train.Count, (double)correct / train.Count);
            summaries.Add(summary);
            logger.Information("Epoch {Epoch}/{Epochs}: loss {Loss:F4}, last-exit train accuracy {Accuracy:P2}", epoch, recipe.Epochs, summary.Loss, summary.LastExitAccuracy);
        }

        model.eval();
        return summaries;
    }
}
