using TorchSharp;
using static TorchSharp.torch;

namespace EarlyExitBench.Contracts;

/// <summary>
/// A multi-exit network as a sequence of stages: stage k runs backbone block k, then exit k's head.
/// <see cref="forward"/> returns every exit's logits; dynamic inference calls
/// <see cref="ForwardBlock"/> and <see cref="ForwardHead"/> and stops where it likes.
/// </summary>
public abstract class MultiExitModule : nn.Module<Tensor, Tensor[]>
{
    /// <summary>Creates the module.</summary>
    /// <param name="name">Module name.</param>
    protected MultiExitModule(string name)
        : base(name)
    {
    }

    /// <summary>Analytic cost of each stage, exit 0 first; its count is the number of exits.</summary>
    public abstract IReadOnlyList<StageCost> Stages { get; }

    /// <summary>Runs backbone block <paramref name="stage"/> on the previous block's features (the input for stage 0).</summary>
    /// <param name="stage">Zero-based stage index.</param>
    /// <param name="features">Input batch or the previous block's output.</param>
    /// <returns>The block's features.</returns>
    public abstract Tensor ForwardBlock(int stage, Tensor features);

    /// <summary>Runs exit <paramref name="stage"/>'s head on that block's features.</summary>
    /// <param name="stage">Zero-based exit index.</param>
    /// <param name="features">Output of <see cref="ForwardBlock"/> for the same stage.</param>
    /// <returns>Logits, [batch, classes].</returns>
    public abstract Tensor ForwardHead(int stage, Tensor features);

    /// <summary>
    /// When a weights file does not fit this network, says which of the architecture's options to change (e.g. "the file
    /// has 7 classifiers; set n_blocks: 7"); the host puts these lines before the list of mismatched keys. The default
    /// has no advice. Read only the keys and shapes; create no tensor.
    /// </summary>
    /// <param name="fileShapes">Every tensor of the file by key (a DataParallel <c>module.</c> prefix already removed), with its shape.</param>
    /// <returns>Lines of advice, most useful first; empty when there is none.</returns>
    public virtual IReadOnlyList<string> AdviseOnWeights(IReadOnlyDictionary<string, long[]> fileShapes) => [];

    /// <summary>Runs every stage and returns every exit's logits, exit 0 first.</summary>
    /// <param name="input">Batch, [batch, channels, height, width].</param>
    /// <returns>One logits tensor per exit.</returns>
    public override Tensor[] forward(Tensor input)
    {
        var logits = new Tensor[Stages.Count];
        var features = input;
        for (var k = 0; k < logits.Length; k++)
        {
            features = ForwardBlock(k, features);
            logits[k] = ForwardHead(k, features);
        }

        return logits;
    }
}
