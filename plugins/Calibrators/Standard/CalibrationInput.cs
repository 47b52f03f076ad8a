using EarlyExitBench.Contracts;

namespace EarlyExitBench.Calibrators.Standard;

/// <summary>Checks shared by every calibrator's <c>Fit</c>, and the double-precision softmax of the affine fits.</summary>
internal static class CalibrationInput
{
    /// <summary>Throws unless there is one label in [0, classes) per row.</summary>
    public static void Validate(ClassMatrix logits, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        InputChecks.CheckLabels(labels, logits.Rows, logits.Columns);
    }

    /// <summary>Softmax of <paramref name="logits"/> into <paramref name="probabilities"/>; returns log Σ exp.</summary>
    public static double Softmax(ReadOnlySpan<double> logits, Span<double> probabilities)
    {
        var lse = Probabilities.LogSumExp(logits);
        for (var c = 0; c < logits.Length; c++)
        {
            probabilities[c] = Math.Exp(logits[c] - lse);
        }

        return lse;
    }
}
