using System.Globalization;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Testing;

/// <summary>
/// What eebench relies on from a calibrator, checked on a <see cref="SyntheticBundle"/> (overconfident exits) and on
/// extreme logits: the host's own output checks (<see cref="OutputChecks"/>: shape, probabilities in [0, 1], rows summing
/// to 1; finite calibrated logits), finite parameters, inputs left unchanged, a deterministic fit, an
/// <see cref="IFittedCalibrator.Apply"/> that is the softmax of <see cref="ILogitCalibration.CalibrateLogits"/> for a
/// logit calibrator, and each promise its <see cref="PluginInfo"/> makes, by behaviour: <see cref="PluginInfo.KeepsArgmax"/>,
/// <see cref="PluginInfo.KeepsSampleOrder"/>, <see cref="PluginInfo.UsesValidationLabels"/> = false,
/// <see cref="PluginInfo.IsIdentity"/>. An unset flag promises nothing and is not checked.
/// </summary>
public static class CalibratorContract
{
    /// <summary>Checks the calibrator <paramref name="plugin"/> registers as <paramref name="alias"/>, with default options.</summary>
    /// <param name="plugin">The plugin entry point.</param>
    /// <param name="alias">The calibrator's alias.</param>
    /// <exception cref="ContractViolation">A promise is broken; the message says which, where and what was seen.</exception>
    public static void Check(IEarlyExitPlugin plugin, string alias)
    {
        var registration = PluginRecorder.Find<ICalibrator>(plugin, alias);
        Check(registration.Info, () => registration.Create<ICalibrator>());
    }

    /// <summary>Checks a calibrator made by <paramref name="create"/> against what <paramref name="info"/> promises.</summary>
    /// <param name="info">Its registration.</param>
    /// <param name="create">A new instance per fit, as the host makes one per exit.</param>
    /// <exception cref="ContractViolation">A promise is broken.</exception>
    public static void Check(PluginInfo info, Func<ICalibrator> create)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(create);
        var who = $"calibrator '{info.Alias}'";
        var bundle = SyntheticBundle.Create(exits: 3, samples: 600, classes: 10, seed: 1);
        for (var k = 0; k < bundle.Exits; k++)
        {
            var (validation, test) = (bundle.ValidationLogits[k], bundle.TestLogits[k]);
            var fitted = Fit(who, create, validation, bundle.ValidationLabels, k);
            foreach (var (logits, what) in new[] { (test, $"exit {k + 1} test logits"), (SyntheticLogits.Extreme(300, bundle.Classes, seed: 10 + k), $"extreme logits (exit {k + 1} fit)") })
            {
                var probabilities = Apply(who, fitted, logits, what);
                Promised(who, info, logits, probabilities, what);
            }

            if (fitted.Parameters.FirstOrDefault(p => !double.IsFinite(p.Value)) is { Key: not null } bad)
            {
                throw new ContractViolation($"{who}: fit (exit {k + 1}) reports parameter '{bad.Key}' = {bad.Value}; parameters are written to the leaderboard and must be finite");
            }

            var again = Apply(who, Fit(who, create, validation, bundle.ValidationLabels, k), test, $"exit {k + 1} test logits, second fit");
            if (!again.Values.SequenceEqual(Apply(who, fitted, test, $"exit {k + 1} test logits").Values))
            {
                throw new ContractViolation($"{who}: two fits on the same exit {k + 1} data give different outputs; the same suite and seed must give the same leaderboard bit for bit (seed any randomness)");
            }

            if (!info.UsesValidationLabels)
            {
                var other = Apply(who, Fit(who, create, validation, Promise.OtherLabels(bundle.ValidationLabels, bundle.Classes), k), test, $"exit {k + 1} test logits");
                if (!other.Values.SequenceEqual(again.Values))
                {
                    throw new ContractViolation($"{who}: UsesValidationLabels is false, but fitting exit {k + 1} with other validation labels changed its outputs");
                }
            }
        }
    }

    private static IFittedCalibrator Fit(string who, Func<ICalibrator> create, ClassMatrix logits, int[] labels, int exit)
    {
        var before = logits.Values.ToArray();
        var fitted = Promise.Call(who, $"fit (exit {exit + 1})", () => create().Fit(logits, labels, CancellationToken.None))
            ?? throw new ContractViolation($"{who}: fit (exit {exit + 1}) returned null");
        Promise.Unchanged(who, $"fit (exit {exit + 1})", logits, before);
        return fitted;
    }

    private static ClassMatrix Apply(string who, IFittedCalibrator fitted, ClassMatrix logits, string what)
    {
        var before = logits.Values.ToArray();
        var probabilities = Promise.Call(who, $"apply ({what})", () => fitted.Apply(logits))
            ?? throw new ContractViolation($"{who}: apply ({what}) returned null");
        Promise.Holds(who, $"apply ({what})", OutputChecks.Probabilities(probabilities, logits));
        if (fitted is ILogitCalibration logit)
        {
            var calibrated = Promise.Call(who, $"calibrate logits ({what})", () => logit.CalibrateLogits(logits));
            Promise.Holds(who, $"calibrate logits ({what})", calibrated is null ? "returned null" : OutputChecks.CalibratedLogits(calibrated, logits));
            var softmax = Probabilities.Softmax(calibrated!);
            for (var i = 0; i < softmax.Values.Length; i++)
            {
                if (Math.Abs(softmax.Values[i] - probabilities.Values[i]) > 1e-4)
                {
                    throw new ContractViolation($"{who}: on {what}, apply gives {F(probabilities.Values[i])} at sample {i / logits.Columns}, class {i % logits.Columns}, but the softmax of its CalibrateLogits gives {F(softmax.Values[i])}; the host ranks by the calibrated logits, so the two must agree");
                }
            }
        }

        Promise.Unchanged(who, $"apply ({what})", logits, before);
        return probabilities;
    }

    private static void Promised(string who, PluginInfo info, ClassMatrix logits, ClassMatrix probabilities, string what)
    {
        if (info.KeepsArgmax)
        {
            for (var i = 0; i < logits.Rows; i++)
            {
                var (from, to) = (Probabilities.ArgMax(logits.Row(i)), Probabilities.ArgMax(probabilities.Row(i)));
                if (from != to)
                {
                    throw new ContractViolation($"{who}: KeepsArgmax is set, but on {what} sample {i}'s argmax moved from class {from} to class {to}");
                }
            }
        }

        var softmax = Probabilities.Softmax(logits);
        if (info.KeepsSampleOrder && Promise.OrderBreak(Promise.MaxPerRow(softmax), Promise.MaxPerRow(probabilities)) is var (a, b))
        {
            throw new ContractViolation($"{who}: KeepsSampleOrder is set, but on {what} samples {a} and {b} change order by confidence (softmax {F(Promise.MaxPerRow(softmax)[a])}, {F(Promise.MaxPerRow(softmax)[b])}; calibrated {F(Promise.MaxPerRow(probabilities)[a])}, {F(Promise.MaxPerRow(probabilities)[b])})");
        }

        if (info.IsIdentity)
        {
            for (var i = 0; i < softmax.Values.Length; i++)
            {
                if (Math.Abs(softmax.Values[i] - probabilities.Values[i]) > 1e-6)
                {
                    throw new ContractViolation($"{who}: IsIdentity is set, but on {what} it gives {F(probabilities.Values[i])} where the softmax is {F(softmax.Values[i])} (sample {i / logits.Columns}, class {i % logits.Columns})");
                }
            }
        }
    }

    private static string F(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
