namespace EarlyExitBench.Contracts;

/// <summary>Every exit's outputs for the same samples, exit 0 first.</summary>
/// <param name="Logits">Raw logits per exit.</param>
/// <param name="Probabilities">Per exit, the calibrator's probabilities for the same logits.</param>
public sealed record MultiExitOutputs(IReadOnlyList<ClassMatrix> Logits, IReadOnlyList<ClassMatrix> Probabilities)
{
    /// <summary>Number of exits.</summary>
    public int Exits => Logits.Count;

    /// <summary>Number of samples.</summary>
    public int Samples => Logits.Count == 0 ? 0 : Logits[0].Rows;
}
