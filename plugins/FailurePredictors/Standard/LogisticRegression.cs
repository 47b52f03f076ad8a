using EarlyExitBench.Contracts;

namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary>
/// L2-regularised logistic regression fitted by Newton's method (IRLS) with step halving, in double
/// precision; deterministic. Minimises mean log-loss + (l2/2)·‖w‖², the intercept almost unpenalised
/// (1e-8, only to keep it finite when every sample has the same label).
/// </summary>
internal sealed class LogisticRegression
{
    private const int MaxIterations = 100;
    private const double InterceptPenalty = 1e-8;

    private LogisticRegression(double[] weights, double intercept)
    {
        Weights = weights;
        Intercept = intercept;
    }

    public IReadOnlyList<double> Weights { get; }

    public double Intercept { get; }

    /// <summary>Log-odds w·x + b.</summary>
    public double LogOdds(ReadOnlySpan<double> x)
    {
        var sum = Intercept;
        for (var j = 0; j < x.Length; j++)
        {
            sum += Weights[j] * x[j];
        }

        return sum;
    }

    public static LogisticRegression Fit(double[][] x, bool[] y, double l2, CancellationToken cancellationToken)
    {
        var n = x.Length;
        var d = n == 0 ? 0 : x[0].Length;
        var beta = new double[d + 1]; // weights, then intercept
        var loss = Loss(x, y, beta, l2);
        var gradient = new double[d + 1];
        var hessian = new double[d + 1, d + 1];
        var features = new double[d + 1];
        for (var iteration = 0; iteration < MaxIterations && n > 0; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Array.Clear(gradient);
            Array.Clear(hessian);
            for (var i = 0; i < n; i++)
            {
                x[i].CopyTo(features, 0);
                features[d] = 1.0;
                var p = Logistic.Sigmoid(Dot(features, beta));
                var residual = (p - (y[i] ? 1 : 0)) / n;
                var weight = p * (1 - p) / n;
                for (var a = 0; a <= d; a++)
                {
                    gradient[a] += residual * features[a];
                    for (var b = 0; b <= a; b++)
                    {
                        hessian[a, b] += weight * features[a] * features[b];
                    }
                }
            }

            for (var a = 0; a <= d; a++)
            {
                var penalty = a < d ? l2 : InterceptPenalty;
                gradient[a] += penalty * beta[a];
                hessian[a, a] += penalty;
                for (var b = 0; b < a; b++)
                {
                    hessian[b, a] = hessian[a, b];
                }
            }

            var step = SolveCholesky(hessian, gradient);
            if (step is null)
            {
                break;
            }

            var scale = 1.0;
            var improved = false;
            var trial = new double[d + 1];
            for (var halving = 0; halving < 40; halving++)
            {
                for (var a = 0; a <= d; a++)
                {
                    trial[a] = beta[a] - (scale * step[a]);
                }

                var trialLoss = Loss(x, y, trial, l2);
                if (trialLoss <= loss)
                {
                    improved = loss - trialLoss > 1e-15 * Math.Max(1, loss);
                    (beta, loss) = (trial, trialLoss);
                    break;
                }

                scale *= 0.5;
            }

            if (!improved || step.Max(Math.Abs) * scale < 1e-10)
            {
                break;
            }
        }

        return new LogisticRegression(beta[..d], beta[d]);
    }

    private static double Loss(double[][] x, bool[] y, double[] beta, double l2)
    {
        var d = beta.Length - 1;
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var eta = beta[d];
            for (var j = 0; j < d; j++)
            {
                eta += beta[j] * x[i][j];
            }

            sum += Logistic.Softplus(eta) - (y[i] ? eta : 0); // −log σ(η) if positive, −log(1 − σ(η)) if not
        }

        var penalty = InterceptPenalty * beta[d] * beta[d];
        for (var j = 0; j < d; j++)
        {
            penalty += l2 * beta[j] * beta[j];
        }

        return (sum / Math.Max(1, x.Length)) + (0.5 * penalty);
    }

    /// <summary>Solves H·s = g for symmetric positive-definite H; null if H is not.</summary>
    private static double[]? SolveCholesky(double[,] h, double[] g)
    {
        var n = g.Length;
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = h[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }

                if (i == j)
                {
                    if (!(sum > 0))
                    {
                        return null;
                    }

                    l[i, i] = Math.Sqrt(sum);
                }
                else
                {
                    l[i, j] = sum / l[j, j];
                }
            }
        }

        var z = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = g[i];
            for (var k = 0; k < i; k++)
            {
                sum -= l[i, k] * z[k];
            }

            z[i] = sum / l[i, i];
        }

        var s = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = z[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= l[k, i] * s[k];
            }

            s[i] = sum / l[i, i];
        }

        return s;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }


}
