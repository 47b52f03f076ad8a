using EarlyExitBench.Harness.Plugins;

namespace EarlyExitBench.Harness.Methods;

/// <summary>An exit policy as the cell runs it: it turns a scored (calibrator, failure predictor) into one method's result.</summary>
internal abstract class CheckedExitPolicy
{
    /// <summary>The policy's label in results.</summary>
    public abstract string Label { get; }

    /// <summary>Whether it reads validation scores (computed once per scored pair, only when some policy reads them).</summary>
    public abstract bool ReadsValidationScores { get; }

    /// <summary>Whether it fails without them; false: a failure to make them is recorded and the policy runs without.</summary>
    public virtual bool NeedsValidationScores => ReadsValidationScores;

    /// <summary>Every policy of the cell: the built-in global threshold first, then the suite's, in suite order.</summary>
    public static IReadOnlyList<CheckedExitPolicy> Of(CellRun run) =>
        [
            new SweptGlobalThreshold(run),
            .. run.Context.Plan.ExitPolicies.Where(p => !GlobalThresholdPolicy.IsRegistration(p.Registration)).Select(p => new AssignedExitPolicy(run, p)),
        ];

    /// <summary>The method's result.</summary>
    /// <exception cref="PluginFailure">A plugin policy failed or broke its contract.</exception>
    public abstract MethodResult Measure(MethodContext method);
}
