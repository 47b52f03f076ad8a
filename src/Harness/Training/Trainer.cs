using EarlyExitBench.Contracts;
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

    /// <summary>
    /// Trains <see cref="TrainingJob.Model"/> in place. With <see cref="TrainingJob.Checkpoints"/>, saves the state at the end
    /// of every epoch and first resumes from the newest saved epoch, so a killed run continues where it was and ends with
    /// the same weights as an uninterrupted one.
    /// </summary>
    /// <param name="job">Model, data, recipe, seed, device, logger, progress and checkpoints.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <returns>One summary per epoch trained by this call (resumed epochs are not repeated).</returns>
    public static IReadOnlyList<EpochSummary> Train(TrainingJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var (model, train, recipe, seed, device, logger, onBatch, checkpoints) = job;
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
        var done = checkpoints?.Restore(model, optimizer) ?? 0;
        for (var epoch = 1; epoch <= done; epoch++)
        {
            // Replays the data order of the epochs already trained: the shuffle is the only other state.
            random.Shuffle(order);
        }

        model.train();
        for (var epoch = done + 1; epoch <= recipe.Epochs; epoch++)
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
            checkpoints?.Save(epoch, model, optimizer);
        }

        model.eval();
        return summaries;
    }
}
