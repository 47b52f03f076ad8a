using EarlyExitBench.Contracts;

namespace MyCalibrator;

/// <summary>
/// <c>my-calibrator</c>: shrinks the softmax towards uniform, p = (1 − α)·softmax(z) + α/C, with α chosen from a grid by
/// validation NLL. Keeps each sample's argmax and the order of samples by confidence (both are monotone in p).
/// Replace <see cref="Fit"/> and <see cref="Fitted.Apply"/> with your method; keep the registration in <see cref="Register"/>.
/// </summary>
/// <remarks>
/// One class is both the plugin entry point (<see cref="IEarlyExitPlugin"/>: the host creates it with its parameterless
/// constructor and calls <see cref="Register"/> once) and the calibrator. The host fits one instance per exit on that
/// exit's validation logits only, then applies the fitted mapping to the test logits.
/// </remarks>
public sealed class MyCalibrator : IEarlyExitPlugin, ICalibrator
{
    /// <summary>The α tried, 0 (plain softmax) to 0.5.</summary>
    public static readonly double[] Grid = [.. Enumerable.Range(0, 51).Select(i => i / 100.0)];

    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);

        // The alias is what suites and the leaderboard use; the description is one line for `eebench plugins`; the
        // citation says where the method comes from (a paper or a URL). The version defaults to this assembly's.
        // The example fit is label smoothing applied post hoc (Szegedy et al. 2016, Rethinking the Inception Architecture for
        // Computer Vision, CVPR); the description and citation below are placeholders made from this
        // project's name: write your own.
        registrar.Add<ICalibrator>(
            new PluginInfo("my-calibrator", "MyCalibrator (calibrator): replace with one line on what it does, for eebench plugins and the leaderboard")
            {
                // Promises the host and the contract kit check by behaviour; set only what holds for every input.
                KeepsArgmax = true,
                Citation = "MyCalibrator: replace with where the method comes from (authors year, title, venue; or a URL)",
            },
            _ => new MyCalibrator());
    }

    /// <inheritdoc />
    public IFittedCalibrator Fit(ClassMatrix logits, ReadOnlySpan<int> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logits);
        InputChecks.CheckLabels(labels, logits.Rows, logits.Columns); // the harness's own message for a bad label

        // Probabilities.Softmax is the harness's definition of probabilities: use it so the plugin agrees with the metrics.
        var probabilities = Probabilities.Softmax(logits);
        var best = (Alpha: 0.0, Nll: double.PositiveInfinity);
        foreach (var alpha in Grid)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var nll = 0.0;
            for (var i = 0; i < logits.Rows; i++)
            {
                nll -= Math.Log(Math.Max(Shrink(probabilities[i, labels[i]], alpha, logits.Columns), 1e-12));
            }

            if (nll < best.Nll)
            {
                best = (alpha, nll);
            }
        }

        return new Fitted(best.Alpha);
    }

    private static double Shrink(double p, double alpha, int classes) => ((1 - alpha) * p) + (alpha / classes);

    /// <summary>The mapping fitted on one exit.</summary>
    private sealed class Fitted(double alpha) : IFittedCalibrator
    {
        /// <summary>Reported in the leaderboard's calibrator parameters, per exit.</summary>
        public IReadOnlyDictionary<string, double> Parameters { get; } = new Dictionary<string, double> { ["alpha"] = alpha };

        /// <summary>Each output row must sum to 1 and have the input's shape; the host checks both.</summary>
        public ClassMatrix Apply(ClassMatrix logits)
        {
            var probabilities = Probabilities.Softmax(logits);
            var values = new float[logits.Rows * logits.Columns];
            for (var i = 0; i < logits.Rows; i++)
            {
                for (var c = 0; c < logits.Columns; c++)
                {
                    values[(i * logits.Columns) + c] = (float)Shrink(probabilities[i, c], alpha, logits.Columns);
                }
            }

            return new ClassMatrix(values, logits.Rows, logits.Columns);
        }
    }
}
