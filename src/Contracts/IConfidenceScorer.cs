namespace EarlyExitBench.Contracts;

/// <summary>A fitted failure predictor.</summary>
public interface IConfidenceScorer
{
    /// <summary>Confidence of every sample at one exit; it may read exits up to and including <paramref name="exit"/>, never later ones.</summary>
    /// <param name="outputs">Every exit's outputs for the samples to score.</param>
    /// <param name="exit">Zero-based exit index.</param>
    /// <returns>One finite score per sample.</returns>
    double[] Score(MultiExitOutputs outputs, int exit);
}
