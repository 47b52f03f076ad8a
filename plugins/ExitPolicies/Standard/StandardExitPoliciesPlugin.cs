using EarlyExitBench.Contracts;

namespace EarlyExitBench.ExitPolicies.Standard;

/// <summary>Registers the standard exit policies (the global threshold is built into the harness).</summary>
public sealed class StandardExitPoliciesPlugin : IEarlyExitPlugin
{
    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.Add<IExitPolicy, BudgetPolicyOptions>(
            new PluginInfo("budget", "MSDNet budgeted per-exit thresholds, geometric exit shares (option budgets)")
            {
                UsesValidationLabels = false,
                Citation = "Huang, Chen, Li, Wu, van der Maaten & Weinberger 2018, Multi-Scale Dense Networks for Resource Efficient Image Classification, ICLR; https://arxiv.org/abs/1703.09844",
            },
            (options, _) => new BudgetPolicy(options));
        registrar.Add<IExitPolicy, PatiencePolicyOptions>(
            new PluginInfo("patience", "Stop once the prediction is unchanged for P exits (option values)") { UsesValidationLabels = false, Citation = "Zhou, Xu, Ge, McAuley, Xu & Wei 2020, BERT Loses Patience: Fast and Robust Inference with Early Exit, NeurIPS; https://arxiv.org/abs/2006.04152" },
            (options, _) => new PatiencePolicy(options));
    }
}
