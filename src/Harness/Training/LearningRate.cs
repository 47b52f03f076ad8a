using EarlyExitBench.Harness.Suites;

namespace EarlyExitBench.Harness.Training;

/// <summary>
/// The learning rate at each optimiser step, a pure function of the recipe and the step (so resuming needs no
/// scheduler state): linear warm-up from 0, then constant, cosine to 0, or ×γ every N epochs.
/// </summary>
public static class LearningRate
{
    /// <summary>Rate for 0-based <paramref name="step"/> of <paramref name="stepsPerEpoch"/> × epochs.</summary>
    public static double At(TrainingSpec recipe, int step, int stepsPerEpoch)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepsPerEpoch);
        var warmup = (int)Math.Round(recipe.WarmupEpochs * stepsPerEpoch);
        if (step < warmup)
        {
            return recipe.LearningRate * (step + 1) / warmup;
        }

        var total = recipe.Epochs * stepsPerEpoch;
        return recipe.Schedule switch
        {
            "cosine" => recipe.LearningRate * 0.5 * (1 + Math.Cos(Math.PI * (step - warmup) / Math.Max(1, total - warmup))),
            "step" => recipe.LearningRate * Math.Pow(recipe.StepGamma, step / stepsPerEpoch / recipe.StepEpochs),
            _ => recipe.LearningRate,
        };
    }
}
