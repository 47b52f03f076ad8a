using EarlyExitBench.Contracts;

namespace EarlyExitBench.Calibrators.Standard;

/// <summary>Checks shared by every calibrator's <c>Fit</c>.</summary>
internal static class CalibrationInput
{
    /// <summary>Throws unless there is one label in [0, classes) per row.</summary>
    public static void Validate(ClassMatrix logits, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (labels.Length != logits.Rows)
        {
            throw new ArgumentException($"{labels.Length} labels for {logits.Rows} rows.", nameof(labels));
        }

        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)logits.Columns)
            {
                throw new ArgumentException($"Label {labels[i]} of sample {i} is outside [0, {logits.Columns}).", nameof(labels));
            }
        }
    }

    /// <summary>log Σ exp(values), stable for any finite input.</summary>
    public static double LogSumExp(ReadOnlySpan<double> values)
    {
        var max = double.NegativeInfinity;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        var sum = 0.0;
        foreach (var v in values)
        {
            sum += Math.Exp(v - max);
        }

        return max + Math.Log(sum);
    }

    /// <summary>Softmax of <paramref name="logits"/> into <paramref name="probabilities"/>; returns log Σ exp.</summary>
    public static double Softmax(ReadOnlySpan<double> logits, Span<double> probabilities)
    {
        var lse = LogSumExp(logits);
        for (var c = 0; c < logits.Length; c++)
        {
            probabilities[c] = Math.Exp(logits[c] - lse);
        }

        return lse;
    }
}
