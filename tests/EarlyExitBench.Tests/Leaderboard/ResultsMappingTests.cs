using System.Text.Json;
using EarlyExitBench.Harness.Leaderboard;
using M = EarlyExitBench.Harness.Measurement;
using P = EarlyExitBench.Harness.Planning;

namespace EarlyExitBench.Tests.Leaderboard;

/// <summary>
/// The published records are written exactly as the pipeline's records they are mapped from were written before they
/// existed: same keys, same order, same numbers. Every field is set to a distinct value so a swapped or dropped field shows.
/// </summary>
public class ResultsMappingTests
{
    private static string Written<T>(T value) => JsonSerializer.Serialize(value, EarlyExitBench.Harness.Storage.Json.Options);

    [Fact]
    public void AMeasurementRecordIsWrittenAsBefore()
    {
        M.TimingStats Stats(double ms) => new(ms, ms + 0.1, ms + 0.2, ms + 0.3, ms + 0.4, 7, 3, false);
        var measurement = new M.CellMeasurement(
            "cpu",
            2,
            256,
            "protocol",
            new M.MeasurementSettings { WarmupRepeats = 4, MinRepeats = 6, MaxRepeats = 9, TargetRelativeIqr = 0.07, MaxSecondsPerMeasurement = 2.5, MinRepeatMilliseconds = 1.5, BatchSizes = [1, 8], Samples = 33 },
            [new M.ExitLatency(1, 8, 0.25, 0.3, 0.01, Stats(1))],
            [new M.FullNetworkTiming(8, 0.02, Stats(2))],
            [new M.ThresholdMeasurement("flops_50", double.PositiveInfinity, 8, 0.5, 0.51, 0.75, [3, 4], 0.03, 0.6, 0.02, null, Stats(3))])
        {
            DecisionOverhead = [new M.DecisionOverhead(8, 1.5, 0.25, 0.17, [new M.DecisionTiming(1, 8, 0.7, 0.01, 0.02, 0.03)])],
        };
        var record = new M.MeasurementRecord("cell", "temperature", "msp", measurement)
        {
            TimeCost = [new M.TimeCostScore(8, "temperature", "msp", 0.61, new Dictionary<string, double> { ["0.25"] = 0.4 }, 0.62)],
        };

        Assert.Equal(Written(record), Written(record.ToResults()));
    }

    [Fact]
    public void SuiteProvenanceAndMetricsAreWrittenAsBefore()
    {
        var suite = new P.SuiteSummary("s", "s.yaml", [0, 1], "cpu", new[] { new { name = "default", epochs = 2 } }, new { bins = 15 });
        var provenance = new P.Provenance("a".PadLeft(64, 'a'), null, true, [new P.AssemblyProvenance("eebench", "0.1", "b".PadLeft(64, 'b'), ["calibrator:x"], true)], [new P.DatasetProvenance("d", "c") { Calibration = "test-split: 10 samples" }, new P.DatasetProvenance("e", "f")])
        {
            Plugins = [new P.PluginProvenance("calibrator", "x", "1", "desc", "cite", "asm")],
        };
        var metric = new P.MetricSummary("ece", "desc", "lower", true, "cite", "eebench", "calibration");
        var timing = new P.PhaseTiming("cell", "evaluate", 1.25, true);

        Assert.Equal(Written(suite), Written(suite.ToResults()));
        Assert.Equal(Written(provenance), Written(provenance.ToResults()));
        Assert.Equal(Written(metric), Written(metric.ToResults()));
        Assert.Equal(Written(timing), Written(timing.ToResults()));
    }

    [Fact]
    public void GroupPartsAreWrittenAsBefore()
    {
        var exit = new EarlyExitBench.Harness.Bundles.ExitInfo(2, 1e6, 0.5, 10, 20, null);
        var correlation = new EarlyExitBench.Harness.Evaluation.CorrelationResult(0.5, [0.1, 0.9], null, null, 7);
        var metrics = new EarlyExitBench.Harness.Evaluation.ExitMetrics(1, [new("accuracy", 0.9), new("auroc", null), new("ece", 0.0123456789012345)]);
        var point = new EarlyExitBench.Harness.Evaluation.OperatingPoint(double.PositiveInfinity, 0.8, 3e5, 0.3);
        var fit = new EarlyExitBench.Harness.Methods.CalibratorFit("temperature", 3, [new Dictionary<string, double> { ["temperature"] = 1.7 }]);
        var failure = new EarlyExitBench.Harness.Plugins.FailureRecord("cell", 1, "calibrator", "x", "fit", "boom");

        Assert.Equal(Written(exit), Written(exit.ToResults()));
        Assert.Equal(Written(correlation), Written(correlation.ToResults()));
        Assert.Equal(Written(metrics), Written(metrics.ToResults()));
        Assert.Equal(Written(point), Written(point.ToResults()));
        Assert.Equal(Written(fit), Written(fit.ToResults()));
        Assert.Equal(Written(failure), Written(failure.ToResults()));
    }

    [Fact]
    public void ADeployableBudgetIsWrittenAsTheEvaluationWritesIt_LessTheThresholds()
    {
        // The thresholds differ per seed and stay in the cell results; every other key and number is published as computed.
        var budget = new EarlyExitBench.Harness.Evaluation.DeployableBudget(
            0.6,
            0.81,
            new EarlyExitBench.Harness.Evaluation.DeployedPoint([0.75], 0.82, 0.59, 0.8, 1.5e6, 0.61),
            new EarlyExitBench.Harness.Evaluation.DeployedPoint([0.5, double.PositiveInfinity], 0.83, 0.58, 0.79, 1.4e6, 0.57));
        var pipeline = System.Text.Json.Nodes.JsonNode.Parse(Written(budget))!.AsObject();
        pipeline["global"]!.AsObject().Remove("thresholds");
        pipeline["per_exit"]!.AsObject().Remove("thresholds");

        Assert.Equal(pipeline.ToJsonString(EarlyExitBench.Harness.Storage.Json.Options), Written(budget.ToResults()));
    }
}
