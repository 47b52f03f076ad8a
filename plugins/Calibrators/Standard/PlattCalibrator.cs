using EarlyExitBench.Contracts;

namespace EarlyExitBench.Calibrators.Standard;

/// <summary>
/// <c>platt</c>: top-label Platt scaling (Platt 1999): the predicted class gets p = σ(a·x + b), x the
/// log-odds of the max-softmax probability (default) or the max logit, with a and b fitted by logistic
/// regression on validation correctness using Platt's smoothed targets (N₊+1)/(N₊+2) and 1/(N₋+2), so a
/// perfectly separated validation set still gives finite a, b. The other classes share the rest (see
/// <see cref="TopLabel.Spread"/>); the top value is floored at just above 1/C.
/// Keeps each sample's argmax. With <c>log_odds</c> and a &gt; 0 (the usual case) it keeps the order of
/// samples by max-softmax except for ties made by the floor; with <c>max_logit</c> the order follows the
/// max logit, which can differ from the max-softmax order. Parameters: <c>a</c>, <c>b</c>.
/// </summary>
public sealed class PlattCalibrator : ICalibrator
{
    /// <summary>Option value: x is log(p₁ / (1 − p₁)).</summary>
    public const string LogOdds = "log_odds";

    /// <summary>Option value: x is the largest logit.</summary>
    public const string MaxLogit = "max_logit";

    private const int MaxIterations = 100;
    private readonly bool _maxLogit;

    /// <summary>Creates the calibrator.</summary>
    /// <param name="options">Which feature to scale.</param>
    public PlattCalibrator(PlattOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _maxLogit = options.Input switch
        {
            LogOdds => false,
            MaxLogit => true,
            _ => throw new ArgumentException($"input must be '{LogOdds}' or '{MaxLogit}', got '{options.Input}'.", nameof(options)),
        };
    }

    /// <inheritdoc />
    public IFittedCalibrator Fit(ClassMatrix logits, ReadOnlySpan<int> labels, CancellationToken cancellationToken)
    {
        CalibrationInput.Validate(logits, labels);
        var (rows, correct) = TopLabel.Describe(logits, labels);
        var x = rows.Select(Feature).ToArray();
        var (a, b) = FitLogistic(x, correct, cancellationToken);
        return new Fitted(a, b, Feature);
    }

    /// <summary>
    /// Newton's method with step halving on the smoothed-target logistic loss; returns (a, b).
    /// Deterministic and convex, so the start only changes the iteration count.
    /// </summary>
    internal static (double A, double B) FitLogistic(double[] x, bool[] positive, CancellationToken cancellationToken)
    {
        var nPositive = positive.Count(p => p);
        var nNegative = positive.Length - nPositive;
        var (tPositive, tNegative) = ((nPositive + 1.0) / (nPositive + 2.0), 1.0 / (nNegative + 2.0));
        var target = positive.Select(p => p ? tPositive : tNegative).ToArray();
        var meanTarget = target.Length > 0 ? target.Average() : 0.5;
        var (a, b) = (0.0, Math.Log(meanTarget / (1 - meanTarget)));
        var loss = Loss(x, target, a, b);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double ga = 0, gb = 0, haa = 1e-12, hab = 0, hbb = 1e-12;
            for (var i = 0; i < x.Length; i++)
            {
                var p = Logistic.Sigmoid((a * x[i]) + b);
                var residual = p - target[i];
                var weight = p * (1 - p);
                ga += residual * x[i];
                gb += residual;
                haa += weight * x[i] * x[i];
                hab += weight * x[i];
                hbb += weight;
            }

            var determinant = (haa * hbb) - (hab * hab);
            if (!(determinant > 0))
            {
                break;
            }

            var da = ((hbb * ga) - (hab * gb)) / determinant;
            var db = ((haa * gb) - (hab * ga)) / determinant;
            var step = 1.0;
            var improved = false;
            for (var halving = 0; halving < 40; halving++)
            {
                var trial = Loss(x, target, a - (step * da), b - (step * db));
                if (trial <= loss)
                {
                    (a, b) = (a - (step * da), b - (step * db));
                    improved = loss - trial > 1e-14 * Math.Max(1, loss);
                    loss = trial;
                    break;
                }

                step *= 0.5;
            }

            if (!improved || Math.Max(Math.Abs(step * da), Math.Abs(step * db)) < 1e-12)
            {
                break;
            }
        }

        return (a, b);
    }

    private static double Loss(double[] x, double[] target, double a, double b)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var eta = (a * x[i]) + b;
            sum += Logistic.Softplus(eta) - (target[i] * eta); // −t·log σ(η) − (1 − t)·log(1 − σ(η))
        }

        return sum;
    }

    private double Feature(TopLabelRow row) => _maxLogit ? row.MaxLogit : row.LogOdds;

    private sealed class Fitted(double a, double b, Func<TopLabelRow, double> feature) : IFittedCalibrator
    {
        public IReadOnlyDictionary<string, double> Parameters { get; } = new Dictionary<string, double> { ["a"] = a, ["b"] = b };

        public ClassMatrix Apply(ClassMatrix logits) => TopLabel.Apply(logits, row => Logistic.Sigmoid((a * feature(row)) + b));
    }
}
