using EarlyExitBench.Contracts;

namespace EarlyExitBench.Testing;

/// <summary>
/// What eebench relies on from an exit policy, checked on a <see cref="SyntheticBundle"/> scored by max softmax: the
/// host's output check (<see cref="OutputChecks.ExitAssignments"/>: at least one operating point, each giving every test
/// sample an exit in 0..K−1), distinct setting names, deterministic assignments, and, when
/// <see cref="PluginInfo.UsesValidationLabels"/> is false, assignments that ignore the validation labels.
/// </summary>
public static class ExitPolicyContract
{
    /// <summary>Checks the exit policy <paramref name="plugin"/> registers as <paramref name="alias"/>, with default options.</summary>
    /// <param name="plugin">The plugin entry point.</param>
    /// <param name="alias">The exit policy's alias.</param>
    /// <exception cref="ContractViolation">A promise is broken; the message says which, where and what was seen.</exception>
    public static void Check(IEarlyExitPlugin plugin, string alias)
    {
        var registration = PluginRecorder.Find<IExitPolicy>(plugin, alias);
        Check(registration.Info, () => registration.Create<IExitPolicy>());
    }

    /// <summary>Checks an exit policy made by <paramref name="create"/> against what <paramref name="info"/> promises.</summary>
    /// <param name="info">Its registration.</param>
    /// <param name="create">A new instance per call.</param>
    /// <exception cref="ContractViolation">A promise is broken.</exception>
    public static void Check(PluginInfo info, Func<IExitPolicy> create)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(create);
        var who = $"exit policy '{info.Alias}'";
        var bundle = SyntheticBundle.Create(exits: 3, samples: 500, classes: 10, seed: 4);
        var first = Assign(who, create, Input(bundle, bundle.ValidationLabels), bundle);
        var duplicate = first.GroupBy(a => a.Setting, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ContractViolation($"{who}: two operating points share the setting '{duplicate.Key}'; each needs its own name in the results");
        }

        if (!Same(first, Assign(who, create, Input(bundle, bundle.ValidationLabels), bundle)))
        {
            throw new ContractViolation($"{who}: two calls on the same scores assign different exits; the same suite and seed must give the same leaderboard bit for bit");
        }

        if (!info.UsesValidationLabels && !Same(first, Assign(who, create, Input(bundle, Promise.OtherLabels(bundle.ValidationLabels, bundle.Classes)), bundle)))
        {
            throw new ContractViolation($"{who}: UsesValidationLabels is false, but other validation labels changed its assignments");
        }
    }

    /// <summary>The input the host builds for a policy: max-softmax scores and argmax predictions per exit, labels, costs.</summary>
    /// <param name="bundle">The bundle.</param>
    /// <param name="validationLabels">The validation labels to hand over.</param>
    /// <returns>The input.</returns>
    public static ExitPolicyInput Input(SyntheticBundle bundle, int[] validationLabels)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        static ReadOnlyMemory<double> Scores(ClassMatrix logits) =>
            Enumerable.Range(0, logits.Rows).Select(i => Probabilities.MaxSoftmax(logits.Row(i))).ToArray();
        static ReadOnlyMemory<int> Predictions(ClassMatrix logits) =>
            Enumerable.Range(0, logits.Rows).Select(i => Probabilities.ArgMax(logits.Row(i))).ToArray();
        return new ExitPolicyInput(
            [.. bundle.ValidationLogits.Select(Scores)],
            [.. bundle.ValidationLogits.Select(Predictions)],
            validationLabels,
            [.. bundle.TestLogits.Select(Scores)],
            [.. bundle.TestLogits.Select(Predictions)],
            bundle.ExitCosts.ToArray());
    }

    private static IReadOnlyList<ExitAssignment> Assign(string who, Func<IExitPolicy> create, ExitPolicyInput input, SyntheticBundle bundle)
    {
        var assignments = Promise.Call(who, "assign", () => create().Assign(input, CancellationToken.None));
        if (OutputChecks.ExitAssignments(assignments, bundle.TestLabels.Length, bundle.Exits) is (var setting, var problem))
        {
            throw new ContractViolation($"{who}: assign{(setting is null ? string.Empty : $" ({setting})")} {problem}");
        }

        return assignments;
    }

    private static bool Same(IReadOnlyList<ExitAssignment> a, IReadOnlyList<ExitAssignment> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Setting == p.Second.Setting && p.First.ExitPerSample.SequenceEqual(p.Second.ExitPerSample));
}
