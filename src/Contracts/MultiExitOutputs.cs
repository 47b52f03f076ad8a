namespace EarlyExitBench.Contracts;

/// <summary>Every exit's outputs for the same samples, exit 0 first.</summary>
/// <param name="Logits">Raw logits per exit.</param>
/// <param name="Probabilities">Per exit, the calibrator's probabilities for the same logits. The host may compute an
/// exit's matrix when it is first read, so read the exits a score needs, not all of them.</param>
public sealed record MultiExitOutputs(IReadOnlyList<ClassMatrix> Logits, IReadOnlyList<ClassMatrix> Probabilities)
{
    /// <summary>Number of exits.</summary>
    public int Exits => Logits.Count;

    /// <summary>Number of samples.</summary>
    public int Samples => Logits.Count == 0 ? 0 : Logits[0].Rows;

    /// <summary>
    /// Per exit, logits whose row-wise softmax is <see cref="Probabilities"/> (see <see cref="ILogitCalibration"/>), or
    /// null when the calibrator is not of that form. A score computed from these in double precision (for example with
    /// <see cref="Contracts.Probabilities.MaxSoftmax"/>) keeps confident samples apart that single-precision
    /// probabilities would tie at 1.0f.
    /// </summary>
    public IReadOnlyList<ClassMatrix>? CalibratedLogits { get; init; }

    /// <summary>
    /// Per exit, each sample's largest probability in double precision (1 / Σ_c exp(z_c − max z) of the calibrated
    /// logits), when the host has already computed it for its own metrics; null otherwise. Lets msp-like scores skip a
    /// pass over the matrix. Equal, bit for bit, to <see cref="Contracts.Probabilities.MaxSoftmax"/> of each row.
    /// </summary>
    public IReadOnlyList<ReadOnlyMemory<double>>? MaxProbabilities { get; init; }
}
