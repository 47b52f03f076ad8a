using EarlyExitBench.Contracts;

namespace EarlyExitBench.Metrics.Conventions;

/// <summary>Registers the reference implementations' conventions next to the harness's own metrics.</summary>
public sealed class ConventionsPlugin : IEarlyExitPlugin
{
    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.Add<IExitMetric>("aurc_trapezoid", "AURC by the trapezoid rule with a (0, r_1) end point, fd-shifts' convention (x1000 in its tables)", _ => new AurcTrapezoid());
        registrar.Add<IExitMetric>("augrc_traub", "AUGRC as published by Traub et al. 2024: err*acc*(1 - AUROC) + err^2/2 (fd-shifts' trapezoid)", _ => new AugrcTraub());
        registrar.Add<IExitMetric>("fpr95_fdshifts", "FPR at the first ROC point with TPR >= 0.9495, fd-shifts' cut", _ => new Fpr95FdShifts());
    }
}
