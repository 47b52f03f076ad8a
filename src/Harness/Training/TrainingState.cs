using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Suites;
using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Training;

/// <summary>Where training is: epochs done and, with early stopping, the best validation loss so far and its weights.</summary>
/// <param name="Epoch">Epochs done.</param>
/// <param name="BestLoss">Best validation loss so far; null without early stopping.</param>
/// <param name="BestEpoch">The epoch that reached it.</param>
/// <param name="BestWeights">A copy of that epoch's weights.</param>
public sealed record TrainingState(int Epoch, double? BestLoss, int? BestEpoch, IReadOnlyDictionary<string, Tensor>? BestWeights)
{
    /// <summary>Nothing trained yet.</summary>
    public static TrainingState Fresh { get; } = new(0, null, null, null);

    /// <summary>Whether early stopping has run out of patience.</summary>
    public bool Stopped(TrainingSpec recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        return recipe.EarlyStoppingPatience is { } patience && BestEpoch is { } best && Epoch - best >= patience;
    }

    /// <summary>The state after <paramref name="epoch"/> reached <paramref name="validationLoss"/>: a strictly lower loss becomes the best, with a copy of the weights.</summary>
    public TrainingState After(int epoch, double validationLoss, MultiExitModule model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (BestLoss is { } best && !(validationLoss < best))
        {
            return this with { Epoch = epoch };
        }

        return this with { Epoch = epoch, BestLoss = validationLoss, BestEpoch = epoch, BestWeights = Copy(model) };
    }

    /// <summary>A detached copy of every parameter and buffer.</summary>
    public static IReadOnlyDictionary<string, Tensor> Copy(MultiExitModule model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var noGrad = no_grad();
        return model.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone(), StringComparer.Ordinal);
    }
}
