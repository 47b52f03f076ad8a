using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation.Metrics;

/// <summary>
/// The metrics the host ships, registered like any plugin's. Each is defined exactly, ties, bins and edge cases
/// included, in docs/metrics.md; the keys and values are those of every earlier leaderboard.
/// </summary>
public static class BuiltInMetrics
{
    private static readonly MetricInfo Rate = new(MetricDirection.LowerIsBetter, string.Empty) { Minimum = 0, Maximum = 1 };
    private static readonly MetricInfo Separation = new(MetricDirection.HigherIsBetter, string.Empty) { Minimum = 0, Maximum = 1, MayBeUndefined = true };

    /// <summary>The built-in metrics, in leaderboard order.</summary>
    public static IReadOnlyList<MetricDefinition> All { get; } = Collect();

    /// <summary>Registers the built-in metrics.</summary>
    /// <param name="registrar">The host's registrar.</param>
    public static void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        foreach (var metric in All)
        {
            registrar.Add<IExitMetric>(new PluginInfo(metric.Name, metric.Description) { Citation = metric.Info.Citation }, _ => metric.Create());
        }
    }

    private static List<MetricDefinition> Collect()
    {
        var all = new List<MetricDefinition>();
        void Add(string name, string description, MetricInfo info, Func<ExitContext, double?> compute) =>
            all.Add(new MetricDefinition(name, description, info, () => new HostMetric(info, compute)));

        Add("accuracy", "Share of samples whose prediction (argmax) is the label; not a proxy",
            new MetricInfo(MetricDirection.HigherIsBetter, "top-1 accuracy") { Minimum = 0, Maximum = 1, IsProxy = false },
            c => (double)c.Hits / c.Labels.Length);
        Add("ece", "Expected calibration error, equal-width confidence bins",
            Rate with { Citation = "Naeini et al. 2015 (AAAI); Guo et al. 2017 (ICML)" }, c => c.EqualWidth.Ece);
        Add("adaptive_ece", "Expected calibration error, equal-mass confidence bins",
            Rate with { Citation = "Nguyen & O'Connor 2015 (EMNLP); Nixon et al. 2019 (CVPR workshops)" }, c => c.SortedConfidence.AdaptiveEce(c.Bins));
        Add("mce", "Maximum calibration error over non-empty equal-width bins",
            Rate with { Citation = "Naeini et al. 2015 (AAAI)" }, c => c.EqualWidth.Mce);
        Add("classwise_ece", "Mean over classes of the equal-width ECE of p_c against 1[y = c]",
            Rate with { Citation = "Kull et al. 2019 (NeurIPS)" }, c => c.Outputs.ClasswiseEce);
        Add("brier", "Multi-class Brier score, mean squared distance to the one-hot label",
            Rate with { Citation = "Brier 1950 (Monthly Weather Review)", Maximum = 2 }, c => c.Outputs.Brier);
        Add("nll", "Mean negative log-probability of the label, floored at 1e-12",
            Rate with { Citation = "log loss; Quinonero-Candela et al. 2006", Maximum = null }, c => c.Outputs.Nll);
        Add("auroc", "Failure-prediction AUROC of the score, correct vs wrong, ties count one half",
            Separation with { Citation = "Hendrycks & Gimpel 2017 (ICLR)" }, c => FailureMetrics.Auroc(c.Groups));
        Add("aupr_error", "Average precision of -score for detecting wrong predictions",
            Separation with { Citation = "Hendrycks & Gimpel 2017 (ICLR)" }, c => FailureMetrics.AuprError(c.Groups));
        Add("fpr95", "Share of wrong samples accepted at the largest threshold accepting at least 95% of correct ones (exact cut)",
            Rate with { Citation = "Hendrycks & Gimpel 2017; Liang et al. 2018 (ICLR)", MayBeUndefined = true }, c => FailureMetrics.Fpr95Tpr(c.Groups));
        Add("aurc", "Area under the risk-coverage curve, a step sum over distinct scores",
            Rate with { Citation = "Geifman, Uziel & El-Yaniv 2019 (ICLR)" }, c => FailureMetrics.Aurc(c.Groups));
        Add("eaurc", "AURC minus the AURC of a perfect ranking",
            Rate with { Citation = "Geifman, Uziel & El-Yaniv 2019 (ICLR)" }, c => FailureMetrics.Aurc(c.Groups) - FailureMetrics.AurcOptimal(c.Labels.Length, c.Hits));
        Add("augrc", "Area under the generalized risk-coverage curve, a step sum (not the trapezoid of fd-shifts)",
            Rate with { Citation = "Traub et al. 2024 (NeurIPS), step-sum convention" }, c => FailureMetrics.Augrc(c.Groups));
        Add("eefp_auroc", "AUROC of the score for safe to stop (correct here, or the last exit is wrong too); null at the last exit",
            Separation with { Citation = "EarlyExitBench, docs/metrics.md" }, c => c.Exit == c.Exits - 1 ? null : FailureMetrics.Auroc(c.SafeToStopGroups));
        Add("rank_preservation", "Kendall tau-b between the score before and after calibration",
            new MetricInfo(MetricDirection.HigherIsBetter, "Kendall 1945 (Biometrika), tau-b") { Minimum = -1, Maximum = 1, MayBeUndefined = true },
            c => c.ScoresBeforeCalibration(c.Exit).IsEmpty ? null
                : c.ScoresBeforeCalibration(c.Exit).SequenceEqual(c.Scores(c.Exit)) ? RankCorrelation.KendallTauBOfItself(c.Order)
                : RankCorrelation.KendallTauB(c.ScoresBeforeCalibration(c.Exit), c.Order));
        return all;
    }
}
