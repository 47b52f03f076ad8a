using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Methods;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Testing;
using EarlyExitBench.Tests.Plugins;

namespace EarlyExitBench.Tests.Kit;

/// <summary>
/// The contract kit plugin authors get (EarlyExitBench.Testing) passes every plugin this repository ships, so its
/// promises are ones real plugins keep, and the host's checked adapters refuse with the kit's own words.
/// </summary>
public class ShippedPluginsPassTheKitTests
{
    public static TheoryData<string> Calibrators => new(ShippedRegistry.Aliases(PluginKind.Calibrator));

    public static TheoryData<string> FailurePredictors => new(ShippedRegistry.Aliases(PluginKind.FailurePredictor));

    public static TheoryData<string> ExitPolicies => new(ShippedRegistry.Aliases(PluginKind.ExitPolicy, i => !GlobalThresholdPolicy.IsRegistration(ShippedRegistry.Get(PluginKind.ExitPolicy, i.Alias))));

    public static TheoryData<string> Metrics => new(ShippedRegistry.Aliases(PluginKind.Metric));

    [Theory]
    [MemberData(nameof(Calibrators))]
    public void EveryShippedCalibratorPasses(string alias) =>
        CalibratorContract.Check(ShippedRegistry.Get(PluginKind.Calibrator, alias).Info, () => ShippedRegistry.Create<ICalibrator>(PluginKind.Calibrator, alias));

    [Theory]
    [MemberData(nameof(FailurePredictors))]
    public void EveryShippedFailurePredictorPasses(string alias) =>
        FailurePredictorContract.Check(ShippedRegistry.Get(PluginKind.FailurePredictor, alias).Info, () => ShippedRegistry.Create<IFailurePredictor>(PluginKind.FailurePredictor, alias));

    [Theory]
    [MemberData(nameof(ExitPolicies))]
    public void EveryShippedExitPolicyPasses(string alias) =>
        ExitPolicyContract.Check(ShippedRegistry.Get(PluginKind.ExitPolicy, alias).Info, () => ShippedRegistry.Create<IExitPolicy>(PluginKind.ExitPolicy, alias));

    [Theory]
    [MemberData(nameof(Metrics))]
    public void EveryMetricPasses(string alias) =>
        MetricContract.Check(ShippedRegistry.Get(PluginKind.Metric, alias).Info, () => ShippedRegistry.Create<IExitMetric>(PluginKind.Metric, alias));

    [Fact]
    public void TheHostRefusesWhatTheKitRefusesInTheSameWords()
    {
        var logits = new ClassMatrix([2f, 1f, 0f, 0f, 1f, 2f], 2, 3);
        var shortRows = new ClassMatrix([0.5f, 0.3f, 0.1f, 0.1f, 0.3f, 0.5f], 2, 3);

        Assert.StartsWith("the probabilities of sample 0 sum to 0.9, not 1 (±0.001)", OutputChecks.Probabilities(shortRows, logits), StringComparison.Ordinal);
        Assert.Equal(OutputChecks.RowSumTolerance, CheckedCalibrator.RowSumTolerance);
        Assert.Equal("score NaN at sample 1 is not finite", OutputChecks.Scores([0.5, double.NaN], 2));
        Assert.Equal("returned 1 scores for 2 samples", OutputChecks.Scores([0.5], 2));
        Assert.Equal(("b", "must give an exit in 0..2 for each of the 2 test samples"), OutputChecks.ExitAssignments([new("a", [0, 2]), new("b", [0, 3])], 2, 3));
        Assert.Null(OutputChecks.AliasStyle("max-logit", isMetric: false));
        Assert.NotNull(OutputChecks.AliasStyle("max_logit", isMetric: false));
        Assert.True(AliasStyle.Follows(PluginKind.Metric, "adaptive_ece"));
    }
}
