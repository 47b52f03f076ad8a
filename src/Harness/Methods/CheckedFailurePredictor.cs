using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Plugins;

namespace EarlyExitBench.Harness.Methods;

/// <summary>A failure predictor plugin behind the plugin-call boundary: each call guarded, each exit's scores checked (one finite score per sample).</summary>
/// <param name="run">The cell.</param>
/// <param name="plugin">The failure predictor.</param>
internal sealed class CheckedFailurePredictor(CellRun run, ResolvedPlugin plugin)
{
    /// <summary>Fits the predictor on the calibrated validation outputs.</summary>
    public IConfidenceScorer Fit(Calibration calibration) =>
        run.Limit.Run(plugin, "fit", token => run.Create<IFailurePredictor>(plugin).Fit(PluginInputs.Outputs(calibration.Validation), run.Bundle.ValidationLabels, token));

    /// <summary>Every exit's scores of <paramref name="outputs"/>; <paramref name="split"/> names them in a failure (empty for the calibrated test split).</summary>
    public List<double[]> Score(IConfidenceScorer scorer, MultiExitOutputs outputs, string split)
    {
        var scores = new List<double[]>(outputs.Exits);
        for (var k = 0; k < outputs.Exits; k++)
        {
            var exit = k;
            scores.Add(Check(run.Limit.Run(plugin, $"score (exit {k + 1}{split})", _ => scorer.Score(PluginInputs.Outputs(outputs), exit)), outputs.Samples, k));
        }

        return scores;
    }

    private double[] Check(double[] scores, int samples, int exit)
    {
        if (scores.Length != samples)
        {
            throw new PluginFailure("failure predictor", plugin.Label, $"score (exit {exit + 1})", $"returned {scores.Length} scores for {samples} samples");
        }

        var bad = Array.FindIndex(scores, s => !double.IsFinite(s));
        if (bad >= 0)
        {
            throw new PluginFailure("failure predictor", plugin.Label, $"score (exit {exit + 1})", $"score {scores[bad]} at sample {bad} is not finite");
        }

        return scores;
    }
}
