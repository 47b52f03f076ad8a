using EarlyExitBench.Contracts;

namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary>
/// <c>energy</c>: log Σ_c exp(z_c) of the raw logits, the negative free energy at T = 1 (Liu et al.
/// 2020); ignores the calibrator.
/// </summary>
public sealed class EnergyScore : RowScore
{
    /// <inheritdoc />
    protected override bool UsesLogits => true;

    /// <inheritdoc />
    protected override double ScoreRow(ReadOnlySpan<float> row) => Probabilities.LogSumExp(row);
}
