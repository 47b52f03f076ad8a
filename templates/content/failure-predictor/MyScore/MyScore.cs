using EarlyExitBench.Contracts;

namespace MyScore;

/// <summary>
/// <c>my-score</c>: the gap between the two largest raw logits at the exit (a logit margin). Higher means more likely
/// correct. It ignores the calibrator, so every calibrator gives the same order of samples. Replace
/// <see cref="Score"/> with your method; a score may read exits 0..k at exit k, never later ones.
/// </summary>
/// <remarks>
/// One class is the plugin entry point (<see cref="IEarlyExitPlugin"/>), the failure predictor and, being stateless,
/// its own fitted scorer. A learned score would fit on <c>validation</c> in <see cref="Fit"/> (the only data it may see)
/// and return a scorer that holds what it learned.
/// </remarks>
public sealed class MyScore : IEarlyExitPlugin, IFailurePredictor, IConfidenceScorer
{
    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        // The example score is the logit margin (Scheffer, Decomain & Wrobel 2001, Active Hidden Markov Models for Information
        // Extraction, IDA); the description and citation below are placeholders made from this
        // project's name: write your own.
        registrar.Add<IFailurePredictor>(
            new PluginInfo("my-score", "MyScore (failure predictor): replace with one line on what it does, for eebench plugins and the leaderboard")
            {
                Citation = "MyScore: replace with where the method comes from (authors year, title, venue; or a URL)",
            },
            _ => new MyScore());
    }

    /// <inheritdoc />
    public IConfidenceScorer Fit(MultiExitOutputs validation, ReadOnlySpan<int> labels, CancellationToken cancellationToken) => this;

    /// <inheritdoc />
    public double[] Score(MultiExitOutputs outputs, int exit)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentOutOfRangeException.ThrowIfNegative(exit);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(exit, outputs.Exits);

        // outputs.Logits are the raw logits; outputs.Probabilities the calibrator's (computed when first read).
        var logits = outputs.Logits[exit];
        var scores = new double[logits.Rows];
        for (var i = 0; i < scores.Length; i++)
        {
            double first = double.NegativeInfinity, second = double.NegativeInfinity;
            foreach (var z in logits.Row(i))
            {
                (first, second) = z > first ? (z, first) : (first, Math.Max(second, z));
            }

            scores[i] = double.IsNegativeInfinity(second) ? 0 : first - second; // one class: no margin to speak of
        }

        return scores; // one finite score per sample; the host rejects NaN and a wrong length
    }
}
