using EarlyExitBench.Contracts;

namespace EarlyExitBench.Calibrators.Standard;

/// <summary>
/// softmax(W·z + b) with a full or diagonal W: the fitted form of vector and matrix scaling, and the
/// NLL they minimise.
/// </summary>
internal sealed class AffineLogitsCalibration : IFittedCalibrator, ILogitCalibration
{
    private readonly double[] _weights; // C×C row-major, or C entries when diagonal
    private readonly double[] _bias;

    public AffineLogitsCalibration(double[] weights, double[] bias, bool diagonal, IReadOnlyDictionary<string, double> parameters)
    {
        _weights = weights;
        _bias = bias;
        Diagonal = diagonal;
        Parameters = parameters;
    }

    public bool Diagonal { get; }

    /// <summary>Fitted weights (C entries when <see cref="Diagonal"/>, else C×C row-major).</summary>
    public IReadOnlyList<double> Weights => _weights;

    public IReadOnlyList<double> Bias => _bias;

    public IReadOnlyDictionary<string, double> Parameters { get; }

    public ClassMatrix Apply(ClassMatrix logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var classes = logits.Columns;
        if (classes != _bias.Length)
        {
            throw new ArgumentException($"Fitted on {_bias.Length} classes, got {classes}.", nameof(logits));
        }

        var result = new float[logits.Rows * classes];
        var transformed = new double[classes];
        var probabilities = new double[classes];
        for (var i = 0; i < logits.Rows; i++)
        {
            Transform(_weights, _bias, Diagonal, logits.Row(i), transformed);
            CalibrationInput.Softmax(transformed, probabilities);
            for (var c = 0; c < classes; c++)
            {
                result[(i * classes) + c] = (float)probabilities[c];
            }
        }

        return new ClassMatrix(result, logits.Rows, classes);
    }

    public ClassMatrix CalibrateLogits(ClassMatrix logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var classes = logits.Columns;
        if (classes != _bias.Length)
        {
            throw new ArgumentException($"Fitted on {_bias.Length} classes, got {classes}.", nameof(logits));
        }

        var result = new float[logits.Rows * classes];
        var transformed = new double[classes];
        for (var i = 0; i < logits.Rows; i++)
        {
            Transform(_weights, _bias, Diagonal, logits.Row(i), transformed);
            for (var c = 0; c < classes; c++)
            {
                result[(i * classes) + c] = (float)transformed[c];
            }
        }

        return new ClassMatrix(result, logits.Rows, classes);
    }

    /// <summary>z' = W·z + b.</summary>
    public static void Transform(ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, bool diagonal, ReadOnlySpan<float> z, Span<double> destination)
    {
        var classes = bias.Length;
        for (var j = 0; j < classes; j++)
        {
            if (diagonal)
            {
                destination[j] = (weights[j] * z[j]) + bias[j];
                continue;
            }

            var sum = bias[j];
            var row = weights.Slice(j * classes, classes);
            for (var k = 0; k < classes; k++)
            {
                sum += row[k] * z[k];
            }

            destination[j] = sum;
        }
    }

    /// <summary>
    /// Mean NLL of softmax(W·z + b) over the samples, and its gradient with respect to
    /// <paramref name="parameters"/> = [W (C or C×C entries), b (C entries)].
    /// </summary>
    public static double MeanNll(ClassMatrix logits, ReadOnlySpan<int> labels, bool diagonal, ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        var classes = logits.Columns;
        var weightCount = parameters.Length - classes;
        var weights = parameters[..weightCount];
        var bias = parameters[weightCount..];
        gradient.Clear();
        Span<double> transformed = classes <= 256 ? stackalloc double[classes] : new double[classes];
        Span<double> probabilities = classes <= 256 ? stackalloc double[classes] : new double[classes];
        var total = 0.0;
        for (var i = 0; i < logits.Rows; i++)
        {
            var z = logits.Row(i);
            Transform(weights, bias, diagonal, z, transformed);
            var lse = CalibrationInput.Softmax(transformed, probabilities);
            total += lse - transformed[labels[i]];
            probabilities[labels[i]] -= 1.0; // now the residual p − onehot(y)
            for (var j = 0; j < classes; j++)
            {
                var residual = probabilities[j];
                gradient[weightCount + j] += residual;
                if (diagonal)
                {
                    gradient[j] += residual * z[j];
                    continue;
                }

                var row = gradient.Slice(j * classes, classes);
                for (var k = 0; k < classes; k++)
                {
                    row[k] += residual * z[k];
                }
            }
        }

        var scale = 1.0 / Math.Max(1, logits.Rows);
        for (var p = 0; p < gradient.Length; p++)
        {
            gradient[p] *= scale;
        }

        return total * scale;
    }
}
