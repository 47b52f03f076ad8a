using EarlyExitBench.Harness.Suites;
using TorchSharp;
using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Training;

/// <summary>The per-exit loss of a recipe: cross-entropy (optionally label-smoothed) or focal loss.</summary>
public sealed class TrainingLoss
{
    private readonly Func<Tensor, Tensor, Tensor> _loss;

    /// <summary>The loss <paramref name="recipe"/> asks for.</summary>
    public TrainingLoss(TrainingSpec recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        if (recipe.Loss == "focal")
        {
            var gamma = recipe.FocalGamma;
            _loss = (logits, labels) => Focal(logits, labels, gamma);
        }
        else
        {
            var smoothing = recipe.LabelSmoothing;
            _loss = (logits, labels) => CrossEntropy(logits, labels, smoothing);
        }
    }

    /// <summary>Mean loss of <paramref name="logits"/> [b, C] against <paramref name="labels"/> [b].</summary>
    public Tensor Of(Tensor logits, Tensor labels) => _loss(logits, labels);

    /// <summary>
    /// Cross-entropy against the smoothed target (1 − ε)·onehot(y) + ε/C, as PyTorch's <c>label_smoothing</c>:
    /// mean of (1 − ε)(−log p_y) + ε · mean_c(−log p_c).
    /// </summary>
    public static Tensor CrossEntropy(Tensor logits, Tensor labels, double smoothing)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        var logp = nn.functional.log_softmax(logits, 1);
        var nll = -logp.gather(1, labels.unsqueeze(1)).squeeze(1);
        return smoothing == 0 ? nn.functional.cross_entropy(logits, labels) : (((1 - smoothing) * nll) - (smoothing * logp.mean(dimensions: [1]))).mean();
    }

    /// <summary>Focal loss (Lin et al. 2017; Mukhoti et al. 2020 for calibration): mean of −(1 − p_y)^γ log p_y.</summary>
    public static Tensor Focal(Tensor logits, Tensor labels, double gamma)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        var logp = nn.functional.log_softmax(logits, 1).gather(1, labels.unsqueeze(1)).squeeze(1);
        var weight = (1 - logp.exp()).pow(gamma);
        return -(weight * logp).mean();
    }
}
