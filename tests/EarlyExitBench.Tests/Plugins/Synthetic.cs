using EarlyExitBench.Contracts;

namespace EarlyExitBench.Tests.Plugins;

/// <summary>Data with a known answer: labels drawn from a known softmax model.</summary>
internal static class Synthetic
{
    public static double Gaussian(Random random)
    {
        // Box–Muller; 1 − u keeps the log argument in (0, 1].
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    /// <summary>
    /// True logits u ~ N(0, spread²) per class and a label drawn from softmax(u), so softmax(u) is
    /// perfectly calibrated. Returns u row-major and the labels.
    /// </summary>
    public static (double[] TrueLogits, int[] Labels) Calibrated(int samples, int classes, double spread, int seed)
    {
        var random = new Random(seed);
        var logits = new double[samples * classes];
        var labels = new int[samples];
        var probabilities = new double[classes];
        for (var i = 0; i < samples; i++)
        {
            for (var c = 0; c < classes; c++)
            {
                logits[(i * classes) + c] = spread * Gaussian(random);
            }

            var max = logits.AsSpan(i * classes, classes).ToArray().Max();
            var sum = 0.0;
            for (var c = 0; c < classes; c++)
            {
                probabilities[c] = Math.Exp(logits[(i * classes) + c] - max);
                sum += probabilities[c];
            }

            var draw = random.NextDouble() * sum;
            var label = classes - 1;
            for (var c = 0; c < classes; c++)
            {
                draw -= probabilities[c];
                if (draw < 0)
                {
                    label = c;
                    break;
                }
            }

            labels[i] = label;
        }

        return (logits, labels);
    }

    /// <summary>Applies <paramref name="observe"/> to each row of true logits to make the logits a model reports.</summary>
    public static ClassMatrix Observe(double[] trueLogits, int classes, Func<double[], double[]> observe)
    {
        var rows = trueLogits.Length / classes;
        var values = new float[trueLogits.Length];
        for (var i = 0; i < rows; i++)
        {
            var observed = observe(trueLogits.AsSpan(i * classes, classes).ToArray());
            for (var c = 0; c < classes; c++)
            {
                values[(i * classes) + c] = (float)observed[c];
            }
        }

        return new ClassMatrix(values, rows, classes);
    }

    public static ClassMatrix Matrix(double[][] rows)
    {
        var classes = rows[0].Length;
        return new ClassMatrix(rows.SelectMany(r => r.Select(v => (float)v)).ToArray(), rows.Length, classes);
    }

    /// <summary>Logits [a, 0, …, 0] whose max-softmax (class 0) is <paramref name="confidence"/>.</summary>
    public static double[] WithConfidence(double confidence, int classes)
    {
        var row = new double[classes];
        row[0] = Math.Log((classes - 1) * confidence / (1 - confidence));
        return row;
    }

    public static double Nll(ClassMatrix probabilities, ReadOnlySpan<int> labels)
    {
        var sum = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            sum -= Math.Log(Math.Max(probabilities[i, labels[i]], 1e-12));
        }

        return sum / labels.Length;
    }

    /// <summary>First index of the largest value.</summary>
    public static int Argmax(ReadOnlySpan<float> row)
    {
        var best = 0;
        for (var c = 1; c < row.Length; c++)
        {
            if (row[c] > row[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>P(score of a random correct sample &gt; score of a random wrong one), ties ½; O(n²) on purpose.</summary>
    public static double Auroc(IReadOnlyList<double> scores, IReadOnlyList<bool> correct)
    {
        var (wins, pairs) = (0.0, 0L);
        for (var i = 0; i < scores.Count; i++)
        {
            if (!correct[i])
            {
                continue;
            }

            for (var j = 0; j < scores.Count; j++)
            {
                if (correct[j])
                {
                    continue;
                }

                pairs++;
                wins += scores[i] > scores[j] ? 1.0 : scores[i] == scores[j] ? 0.5 : 0.0;
            }
        }

        return wins / pairs;
    }
}
