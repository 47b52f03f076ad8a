using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Harness.Methods;

/// <summary>
/// The built-in exit policy: one global threshold τ on the score; a sample stops at the first exit whose score is at
/// least τ, and the last exit always accepts. Registered like any exit policy, so <c>eebench plugins</c> lists it, and
/// evaluated for every (calibrator, failure predictor) whether a suite names it or not. The host sweeps every threshold at
/// once (<see cref="ExitSweep"/>); <see cref="Assign"/> gives the same operating points one threshold at a time, the plain
/// form of that sweep (a test checks the two agree).
/// </summary>
public sealed class GlobalThresholdPolicy : IExitPolicy
{
    /// <summary>The policy's alias, the <c>exit_policy</c> of its leaderboard entries.</summary>
    public const string Alias = Results.PublishedNames.GlobalThreshold;

    /// <summary>What the registration says about itself.</summary>
    public static PluginInfo Info { get; } = new(
        Alias,
        "One global threshold on the score, swept over every distinct test score: a sample stops at the first exit whose score reaches it; built in, evaluated for every method")
    {
        UsesValidationLabels = false,
    };

    /// <summary>Registers the policy with the host's built-ins.</summary>
    /// <param name="registrar">The host's registrar.</param>
    public static void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.Add<IExitPolicy, Settings>(Info, (_, _) => new GlobalThresholdPolicy());
    }

    /// <summary>Whether <paramref name="exitPolicy"/> (a method's policy label) is this policy.</summary>
    /// <param name="exitPolicy">An exit policy label, as results and leaderboards carry it.</param>
    public static bool Names(string exitPolicy) => string.Equals(exitPolicy, Alias, StringComparison.Ordinal);

    /// <summary>Whether a suite's exit policy is this one (by its registration's type, not its name): it is always evaluated, so a suite that lists it adds nothing.</summary>
    /// <param name="registration">A resolved exit policy's registration.</param>
    public static bool IsRegistration(Plugins.PluginRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return registration.OptionsType == typeof(Settings);
    }

    /// <summary>One operating point per threshold: τ = +∞ (every sample at the last exit), then every distinct test score, falling.</summary>
    /// <param name="input">Scores and predictions of both splits; only the test scores are read.</param>
    /// <param name="cancellationToken">Checked between thresholds.</param>
    public IReadOnlyList<ExitAssignment> Assign(ExitPolicyInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scores = input.TestScores;
        var thresholds = scores.SelectMany(s => s.ToArray()).Distinct().OrderDescending().Prepend(double.PositiveInfinity);
        var assignments = new List<ExitAssignment>();
        foreach (var tau in thresholds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var exits = new int[scores[0].Length];
            for (var i = 0; i < exits.Length; i++)
            {
                var k = 0;
                while (k < scores.Count - 1 && scores[k].Span[i] < tau)
                {
                    k++;
                }

                exits[i] = k;
            }

            assignments.Add(new ExitAssignment(FormattableString.Invariant($"tau={tau:R}"), exits));
        }

        return assignments;
    }

    /// <summary>The policy takes no options; its own options type marks its registration.</summary>
    public sealed class Settings;
}
