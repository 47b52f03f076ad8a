using EarlyExitBench.Contracts;

namespace EarlyExitBench.Testing;

/// <summary>
/// What eebench relies on from a failure predictor, checked on a <see cref="SyntheticBundle"/>: the host's output check
/// (<see cref="OutputChecks.Scores"/>: one finite score per sample at every exit), a deterministic fit and score, a score
/// at exit k that reads no later exit (dynamic inference has not computed them), inputs left unchanged, and, when
/// <see cref="PluginInfo.UsesValidationLabels"/> is false, a fit that ignores the labels.
/// </summary>
public static class FailurePredictorContract
{
    /// <summary>Checks the failure predictor <paramref name="plugin"/> registers as <paramref name="alias"/>, with default options.</summary>
    /// <param name="plugin">The plugin entry point.</param>
    /// <param name="alias">The failure predictor's alias.</param>
    /// <exception cref="ContractViolation">A promise is broken; the message says which, where and what was seen.</exception>
    public static void Check(IEarlyExitPlugin plugin, string alias)
    {
        var registration = PluginRecorder.Find<IFailurePredictor>(plugin, alias);
        Check(registration.Info, () => registration.Create<IFailurePredictor>());
    }

    /// <summary>Checks a failure predictor made by <paramref name="create"/> against what <paramref name="info"/> promises.</summary>
    /// <param name="info">Its registration.</param>
    /// <param name="create">A new instance per fit.</param>
    /// <exception cref="ContractViolation">A promise is broken.</exception>
    public static void Check(PluginInfo info, Func<IFailurePredictor> create)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(create);
        var who = $"failure predictor '{info.Alias}'";
        var bundle = SyntheticBundle.Create(exits: 3, samples: 500, classes: 10, seed: 2);
        var test = bundle.TestOutputs();
        var scores = Scores(who, Fit(who, create, bundle, bundle.ValidationLabels), test);
        var again = Scores(who, Fit(who, create, bundle, bundle.ValidationLabels), test);
        for (var k = 0; k < bundle.Exits; k++)
        {
            if (!scores[k].SequenceEqual(again[k]))
            {
                throw new ContractViolation($"{who}: two fits on the same data score exit {k + 1} differently; the same suite and seed must give the same leaderboard bit for bit (seed any randomness)");
            }
        }

        // Exit k's score must not change when the exits after k do: replace them with another bundle's.
        var other = SyntheticBundle.Create(exits: bundle.Exits, samples: 500, classes: 10, seed: 3).TestOutputs();
        var scorer = Fit(who, create, bundle, bundle.ValidationLabels);
        for (var k = 0; k < bundle.Exits - 1; k++)
        {
            var mixed = new MultiExitOutputs(
                [.. test.Logits.Take(k + 1), .. other.Logits.Skip(k + 1)],
                [.. test.Probabilities.Take(k + 1), .. other.Probabilities.Skip(k + 1)]);
            var score = Promise.Call(who, $"score (exit {k + 1})", () => scorer.Score(mixed, k));
            if (!score.SequenceEqual(scores[k]))
            {
                throw new ContractViolation($"{who}: its score at exit {k + 1} changed when only later exits' outputs changed; a score may read earlier exits, never later ones (dynamic inference has not computed them)");
            }
        }

        if (!info.UsesValidationLabels)
        {
            var relabelled = Scores(who, Fit(who, create, bundle, Promise.OtherLabels(bundle.ValidationLabels, bundle.Classes)), test);
            for (var k = 0; k < bundle.Exits; k++)
            {
                if (!relabelled[k].SequenceEqual(scores[k]))
                {
                    throw new ContractViolation($"{who}: UsesValidationLabels is false, but fitting with other validation labels changed its scores at exit {k + 1}");
                }
            }
        }
    }

    private static IConfidenceScorer Fit(string who, Func<IFailurePredictor> create, SyntheticBundle bundle, int[] labels)
    {
        var validation = bundle.ValidationOutputs();
        var before = validation.Logits.Select(l => l.Values.ToArray()).ToList();
        var scorer = Promise.Call(who, "fit", () => create().Fit(validation, labels, CancellationToken.None))
            ?? throw new ContractViolation($"{who}: fit returned null");
        for (var k = 0; k < validation.Exits; k++)
        {
            Promise.Unchanged(who, "fit", validation.Logits[k], before[k]);
        }

        return scorer;
    }

    private static List<double[]> Scores(string who, IConfidenceScorer scorer, MultiExitOutputs outputs)
    {
        var scores = new List<double[]>();
        for (var k = 0; k < outputs.Exits; k++)
        {
            var exit = k;
            var score = Promise.Call(who, $"score (exit {k + 1})", () => scorer.Score(outputs, exit));
            Promise.Holds(who, $"score (exit {k + 1})", OutputChecks.Scores(score, outputs.Samples));
            scores.Add(score);
        }

        return scores;
    }
}
