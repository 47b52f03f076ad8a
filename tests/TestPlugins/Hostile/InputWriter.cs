using EarlyExitBench.Contracts;

namespace TestPlugin.Hostile;

/// <summary>
/// A failure predictor that, in every call, overwrites whatever of its input it can reach (every exit's logits,
/// probabilities and calibrated logits replaced by zeros, the host's confidences set to 0), then scores by the
/// largest probability. Were the host to hand it its own lists and arrays, every later method would see zeros.
/// </summary>
internal sealed class InputWriter : IFailurePredictor, IConfidenceScorer
{
    public IConfidenceScorer Fit(MultiExitOutputs validation, ReadOnlySpan<int> labels, CancellationToken cancellationToken)
    {
        Spoil(validation);
        return this;
    }

    public double[] Score(MultiExitOutputs outputs, int exit)
    {
        Spoil(outputs);
        var matrix = outputs.CalibratedLogits?[exit] ?? outputs.Probabilities[exit];
        var scores = new double[matrix.Rows];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = outputs.CalibratedLogits is null ? MaxOf(matrix.Row(i)) : Probabilities.MaxSoftmax(matrix.Row(i));
        }

        return scores;
    }

    private static void Spoil(MultiExitOutputs outputs)
    {
        var zeros = new ClassMatrix(new float[outputs.Samples * outputs.Logits[0].Columns], outputs.Samples, outputs.Logits[0].Columns);
        Overwrite.List(outputs.Logits, zeros);
        Overwrite.List(outputs.Probabilities, zeros);
        if (outputs.CalibratedLogits is { } calibrated)
        {
            Overwrite.List(calibrated, zeros);
        }

        if (outputs.MaxProbabilities is { } confidences)
        {
            for (var k = 0; k < confidences.Count; k++)
            {
                Overwrite.Memory(confidences[k], 0.0);
            }

            Overwrite.List(confidences, ReadOnlyMemory<double>.Empty);
        }
    }

    private static double MaxOf(ReadOnlySpan<float> row)
    {
        var max = double.NegativeInfinity;
        foreach (var value in row)
        {
            max = Math.Max(max, value);
        }

        return max;
    }
}
