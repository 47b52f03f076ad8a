using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Methods;

namespace EarlyExitBench.Harness.Measurement;

/// <summary>
/// Efficiency in measured time: every global-threshold method of a cell swept again with each exit's measured cumulative
/// latency (ms per sample at one batch size) as its cost, instead of FLOPs. The latencies are the forward pass only (the
/// same for every method); what each method's decision adds is in <see cref="CellMeasurement.DecisionOverhead"/>.
/// </summary>
public static class TimeCostEfficiency
{
    /// <summary>The time-based score of every global-threshold method at every measured batch size.</summary>
    /// <param name="methods">The cell's methods and their fitted test scores.</param>
    /// <param name="latencies">The measured cumulative latencies, every batch size.</param>
    public static IReadOnlyList<TimeCostScore> Compute(CellMethods methods, IReadOnlyList<ExitLatency> latencies)
    {
        ArgumentNullException.ThrowIfNull(methods);
        ArgumentNullException.ThrowIfNull(latencies);
        var result = new List<TimeCostScore>();
        foreach (var batch in latencies.GroupBy(l => l.BatchSize).OrderBy(g => g.Key))
        {
            var costs = Costs(batch.OrderBy(l => l.Exit).Select(l => l.MsPerSample).ToArray());
            foreach (var method in methods.Methods.Where(m => m.Key.IsGlobalThreshold))
            {
                if (!methods.Fitted.TryGetValue((method.Calibrator, method.FailurePredictor), out var fitted) || fitted.TestScores.Count != costs.Length)
                {
                    continue;
                }

                var efficiency = Efficiency.Compute(ExitSweep.Sweep(fitted.TestScores, fitted.TestCorrect, costs), fitted.TestCorrect, costs);
                result.Add(new TimeCostScore(batch.Key, method.Calibrator, method.FailurePredictor, efficiency.Score, efficiency.AccuracyAtBudget, method.Evaluation.Efficiency.Score));
            }
        }

        return result;
    }

    /// <summary>
    /// Measured latencies as exit costs: timing noise can make a deeper exit read a hair faster than a shallower one on a
    /// tiny network, and a cost can never fall as a sample goes deeper, so each is raised to the largest before it.
    /// </summary>
    public static double[] Costs(IReadOnlyList<double> msPerSample)
    {
        ArgumentNullException.ThrowIfNull(msPerSample);
        var costs = new double[msPerSample.Count];
        for (var k = 0; k < costs.Length; k++)
        {
            costs[k] = Math.Max(k == 0 ? double.Epsilon : costs[k - 1], msPerSample[k]);
        }

        return costs;
    }
}
