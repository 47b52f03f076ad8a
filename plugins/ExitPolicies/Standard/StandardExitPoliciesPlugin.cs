using EarlyExitBench.Contracts;

namespace EarlyExitBench.ExitPolicies.Standard;

/// <summary>Registers the standard exit policies (the global threshold is built into the harness).</summary>
public sealed class StandardExitPoliciesPlugin : IEarlyExitPlugin
{
    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.Add<IExitPolicy, BudgetPolicyOptions>("budget", "MSDNet budgeted per-exit thresholds, geometric exit shares (option budgets)", (options, _) => new BudgetPolicy(options));
        registrar.Add<IExitPolicy, PatiencePolicyOptions>("patience", "Stop once the prediction is unchanged for P exits (option values)", (options, _) => new PatiencePolicy(options));
    }
}
