using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Suites;
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

        if (recipe.EarlyStoppingPatience is not null && job.Validation is null)
        {
            throw new ArgumentException("early stopping needs the validation split", nameof(job));
        }

        using var optimizer = Optimizer(model, recipe);
        var loss = new TrainingLoss(recipe);
        var random = new Random(seed);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var batchesPerEpoch = (train.Count + recipe.BatchSize - 1) / recipe.BatchSize;
        var summaries = new List<EpochSummary>();
        var state = checkpoints?.Restore(model, optimizer) ?? TrainingState.Fresh;
        for (var epoch = 1; epoch <= state.Epoch; epoch++)
        {
            // Replays the data order of the epochs already trained: the shuffle is the only other state.
            random.Shuffle(order);
        }

        model.train();
        for (var epoch = state.Epoch + 1; epoch <= recipe.Epochs && !state.Stopped(recipe); epoch++)
        {
            random.Shuffle(order);
            var augment = recipe.Augment == "crop-flip" ? Augmentation.ForEpoch(seed, epoch) : null;
            double lossSum = 0;
            long correct = 0;

            // A streamed training set: this epoch's batches are decoded ahead, in order, while the model trains.
            using var prefetched = train.Reader is null ? null : BatchPrefetcher.Batches(train, order[..Math.Min(order.Length, batchesPerEpoch * recipe.BatchSize)], recipe.BatchSize).GetEnumerator();
            for (var b = 0; b < batchesPerEpoch; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var step = ((epoch - 1) * batchesPerEpoch) + b;
                var rate = LearningRate.At(recipe, step, batchesPerEpoch);
                foreach (var group in optimizer.ParamGroups)
                {
                    group.LearningRate = rate;
                }

                var indices = order.AsSpan(b * recipe.BatchSize, Math.Min(recipe.BatchSize, train.Count - (b * recipe.BatchSize)));
                var decoded = prefetched is not null && prefetched.MoveNext() ? prefetched.Current : null;
                var source = decoded ?? train;
                ReadOnlySpan<int> at = decoded is null ? indices : All(indices.Length);
                var (x, y) = augment is null ? Batches.Make(source, at, device) : Batches.Make(Augmentation.CropFlip(source, at, augment), All(indices.Length), device);
                var logits = model.forward(x);
                var total = WeightedLoss(loss, logits, y, weights);
                optimizer.zero_grad();
                total.backward();
                optimizer.step();
                var value = total.item<float>();
                if (!float.IsFinite(value))
                {
                    throw new InvalidOperationException($"training diverged: loss is {value} at epoch {epoch}, batch {b + 1}; lower training.learning_rate");
                }

                lossSum += value * indices.Length;
                correct += logits[^1].argmax(1).eq(y).sum().item<long>();
                var seen = (b * recipe.BatchSize) + indices.Length;
                onBatch?.Invoke(new TrainingProgress(step + 1, recipe.Epochs * batchesPerEpoch, lossSum / seen, (double)correct / seen));
            }

            var summary = new EpochSummary(epoch, lossSum / train.Count, (double)correct / train.Count);
            summaries.Add(summary);
            state = state with { Epoch = epoch };
            if (recipe.EarlyStoppingPatience is not null)
            {
                var validationLoss = ValidationLoss(model, job.Validation!, loss, weights, recipe.BatchSize, device);
                state = state.After(epoch, validationLoss, model);
                model.train();
                logger.Information("Epoch {Epoch}/{Epochs}: loss {Loss:F4}, last-exit train accuracy {Accuracy:P2}, validation loss {Validation:F4} (best: epoch {Best})", epoch, recipe.Epochs, summary.Loss, summary.LastExitAccuracy, validationLoss, state.BestEpoch);
            }
            else
            {
                logger.Information("Epoch {Epoch}/{Epochs}: loss {Loss:F4}, last-exit train accuracy {Accuracy:P2}", epoch, recipe.Epochs, summary.Loss, summary.LastExitAccuracy);
            }

            checkpoints?.Save(state, model, optimizer);
        }

        if (state.BestWeights is { } best)
        {
            if (state.Stopped(recipe))
            {
                logger.Information("Early stopping: no better validation loss for {Patience} epoch(s); keeping epoch {Best}", recipe.EarlyStoppingPatience, state.BestEpoch);
            }

            model.load_state_dict(best.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
        }

        model.eval();
        return summaries;
    }

    private static optim.Optimizer Optimizer(MultiExitModule model, TrainingSpec recipe) => recipe.Optimizer switch
    {
        "sgd" => optim.SGD(model.parameters(), recipe.LearningRate, recipe.Momentum, weight_decay: recipe.WeightDecay),
        "adamw" => optim.AdamW(model.parameters(), recipe.LearningRate, weight_decay: recipe.WeightDecay),
        _ => optim.Adam(model.parameters(), recipe.LearningRate, weight_decay: recipe.WeightDecay),
    };

    private static Tensor WeightedLoss(TrainingLoss loss, Tensor[] logits, Tensor labels, IReadOnlyList<double> weights)
    {
        var total = loss.Of(logits[0], labels) * weights[0];
        for (var k = 1; k < logits.Length; k++)
        {
            total = total + (loss.Of(logits[k], labels) * weights[k]);
        }

        return total;
    }

    /// <summary>The training objective on the validation split, in eval mode and without gradients.</summary>
    private static double ValidationLoss(MultiExitModule model, ImageSet validation, TrainingLoss loss, IReadOnlyList<double> weights, int batchSize, Device device)
    {
        model.eval();
        using var noGrad = no_grad();
        double sum = 0;
        for (var start = 0; start < validation.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var count = Math.Min(batchSize, validation.Count - start);
            var (x, y) = Batches.Make(validation, Enumerable.Range(start, count).ToArray(), device);
            sum += WeightedLoss(loss, model.forward(x), y, weights).item<float>() * count;
        }

        return sum / validation.Count;
    }

    private static int[] All(int count) => Enumerable.Range(0, count).ToArray();
}
