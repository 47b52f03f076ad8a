using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Testing;

namespace EarlyExitBench.Harness.Methods;

/// <summary>A failure predictor plugin behind the plugin-call boundary: each call guarded, each exit's scores checked by <see cref="OutputChecks.Scores"/> (one finite score per sample).</summary>
/// <param name="run">The cell.</param>
/// <param name="plugin">The failure predictor.</param>
internal sealed class CheckedFailurePredictor(CellRun run, ResolvedPlugin plugin)
{
    /// <summary>Fits the predictor on the calibrated validation outputs.</summary>
    public IConfidenceScorer Fit(Calibration calibration) =>
        run.Limit.Run(plugin, "fit", token => run.Create<IFailurePredictor>(plugin).Fit(PluginInputs.Outputs(calibration.Validation), run.Bundle.ValidationLabels, token));

    /// <summary>Every exit's scores of <paramref name="outputs"/>; <paramref name="split"/> names them in a failure (empty for the calibrated test split).</summary>
    /// <remarks>
    /// Probabilities made lazily for a score that reads its own exit only (msp, entropy, …) are dropped once that exit is
    /// scored, so at most one exit's matrix is alive; a score that also reads earlier exits (consistency, exit-aware)
    /// keeps them, as it will read them again at the next exit.
    /// </remarks>
    public List<double[]> Score(IConfidenceScorer scorer, MultiExitOutputs outputs, string split)
    {
        var scores = new List<double[]>(outputs.Exits);
        var lazy = outputs.Probabilities as LazyExits<ClassMatrix>;
        for (var k = 0; k < outputs.Exits; k++)
        {
            var (exit, othersRead) = (k, 0);
            var tracked = lazy is null ? outputs : outputs with
            {
                Probabilities = new LazyExits<ClassMatrix>(outputs.Exits, j =>
                {
                    if (j != exit)
                    {
                        Interlocked.Increment(ref othersRead);
                    }

                    return lazy[j];
                }),
            };
            scores.Add(Check(run.Limit.Run(plugin, $"score (exit {k + 1}{split})", _ => scorer.Score(PluginInputs.Outputs(tracked), exit)), outputs.Samples, k));
            if (lazy is not null && Volatile.Read(ref othersRead) == 0)
            {
                lazy.Release(exit);
            }
        }

        return scores;
    }

    private double[] Check(double[] scores, int samples, int exit) =>
        OutputChecks.Scores(scores, samples) is { } problem
            ? throw new PluginFailure("failure predictor", plugin.Label, $"score (exit {exit + 1})", problem)
            : scores;
}
