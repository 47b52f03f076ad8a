using EarlyExitBench.Contracts;

namespace EarlyExitBench.Calibrators.Standard;

/// <summary>
/// <c>matrix</c>: softmax(W·z + b) with a full C×C matrix W, fitted by validation NLL plus an
/// off-diagonal-and-intercept penalty in the spirit of ODIR (Kull et al. 2019):
/// (l2 / C) · (s² · Σ_{j≠k} W_jk² + Σ_j b_j²), s² the mean squared validation logit. The NLL's
/// curvature in one weight is about s²/C, so this scaling makes one default work for 10 or 100 classes
/// and for sharp or flat logits alike (ODIR instead divides by the parameter count and tunes the
/// strength). The diagonal is free, so temperature and per-class scaling cost nothing; a large <c>l2</c>
/// shrinks it to per-class scaling without bias. Starts from
/// the identity (penalty 0) and every step lowers the penalised objective, so its validation NLL is
/// never above plain softmax's. Can change a sample's argmax and the order of samples by confidence.
/// Parameters: <c>diag_mean</c>, <c>offdiag_rms</c>, <c>bias_rms</c>.
/// </summary>
public sealed class MatrixScalingCalibrator : ICalibrator
{
    private const int MaxIterations = 500;
    private const double GradientTolerance = 1e-7;
    private readonly double _l2;

    /// <summary>Creates the calibrator.</summary>
    /// <param name="options">Penalty strength.</param>
    public MatrixScalingCalibrator(MatrixScalingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!(options.L2 >= 0) || double.IsInfinity(options.L2))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.L2, "l2 must be a finite number ≥ 0.");
        }

        _l2 = options.L2;
    }

    /// <summary>Mean of z² over all validation logits (1 when there are none or all are 0).</summary>
    internal static double MeanSquare(ClassMatrix logits)
    {
        var sum = 0.0;
        foreach (double z in logits.Values)
        {
            sum += z * z;
        }

        var mean = sum / Math.Max(1, logits.Values.Length);
        return mean > 0 && double.IsFinite(mean) ? mean : 1.0;
    }

    /// <inheritdoc />
    public IFittedCalibrator Fit(ClassMatrix logits, ReadOnlySpan<int> labels, CancellationToken cancellationToken)
    {
        CalibrationInput.Validate(logits, labels);
        var classes = logits.Columns;
        var weightCount = classes * classes;
        var parameters = new double[weightCount + classes];
        for (var c = 0; c < classes; c++)
        {
            parameters[(c * classes) + c] = 1.0;
        }

        var labelArray = labels.ToArray();
        var offWeight = _l2 / classes * MeanSquare(logits);
        var biasWeight = _l2 / classes;
        Lbfgs.Minimize(
            (x, gradient) =>
            {
                var value = AffineLogitsCalibration.MeanNll(logits, labelArray, diagonal: false, x, gradient);
                for (var j = 0; j < classes; j++)
                {
                    for (var k = 0; k < classes; k++)
                    {
                        if (j != k)
                        {
                            var w = x[(j * classes) + k];
                            value += offWeight * w * w;
                            gradient[(j * classes) + k] += 2 * offWeight * w;
                        }
                    }

                    var b = x[weightCount + j];
                    value += biasWeight * b * b;
                    gradient[weightCount + j] += 2 * biasWeight * b;
                }

                return value;
            },
            parameters,
            MaxIterations,
            GradientTolerance,
            cancellationToken);

        var weights = parameters[..weightCount];
        var bias = parameters[weightCount..];
        var (diagonal, offDiagonal) = (0.0, 0.0);
        for (var j = 0; j < classes; j++)
        {
            for (var k = 0; k < classes; k++)
            {
                var w = weights[(j * classes) + k];
                if (j == k)
                {
                    diagonal += w;
                }
                else
                {
                    offDiagonal += w * w;
                }
            }
        }

        var reported = new Dictionary<string, double>
        {
            ["diag_mean"] = diagonal / classes,
            ["offdiag_rms"] = classes > 1 ? Math.Sqrt(offDiagonal / (classes * (classes - 1.0))) : 0.0,
            ["bias_rms"] = Math.Sqrt(bias.Sum(b => b * b) / classes),
        };
        return new AffineLogitsCalibration(weights, bias, diagonal: false, reported);
    }
}
