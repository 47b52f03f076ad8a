using EarlyExitBench.Contracts;

namespace EarlyExitBench.Metrics.Conventions;

/// <summary>Registers the reference implementations' conventions next to the harness's own metrics.</summary>
public sealed class ConventionsPlugin : IEarlyExitPlugin
{
    private const string FdShifts = "Jaeger, Lüth, Klein & Bungert 2023, A Call to Reflect on Evaluation Practices for Failure Detection in Image Classification, ICLR; https://github.com/IML-DKFZ/fd-shifts";

    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.Add<IExitMetric>(
            new PluginInfo("aurc_trapezoid", "AURC by the trapezoid rule with a (0, r_1) end point, fd-shifts' convention (x1000 in its tables)") { Citation = FdShifts },
            _ => new AurcTrapezoid());
        registrar.Add<IExitMetric>(
            new PluginInfo("augrc_traub", "AUGRC as published by Traub et al. 2024: err*acc*(1 - AUROC) + err^2/2 (fd-shifts' trapezoid)")
            {
                Citation = "Traub, Bungert, Lüth, Baumgartner, Maier-Hein, Maier-Hein & Jaeger 2024, Overcoming Common Flaws in the Evaluation of Selective Classification Systems, NeurIPS; https://arxiv.org/abs/2407.01032",
            },
            _ => new AugrcTraub());
        registrar.Add<IExitMetric>(
            new PluginInfo("fpr95_fdshifts", "FPR at the first ROC point with TPR >= 0.9495, fd-shifts' cut") { Citation = FdShifts },
            _ => new Fpr95FdShifts());
    }
}
