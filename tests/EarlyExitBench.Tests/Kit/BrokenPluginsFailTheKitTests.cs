using EarlyExitBench.Contracts;
using EarlyExitBench.Testing;

namespace EarlyExitBench.Tests.Kit;

/// <summary>
/// Deliberately broken plugins fail the kit with a message that names the plugin, the promise and what was seen: each
/// test's plugin is a working one with one promise broken, so the kit's check for that promise is what fails.
/// </summary>
public class BrokenPluginsFailTheKitTests
{
    [Fact]
    public void AWorkingCalibratorPasses() =>
        CalibratorContract.Check(new PluginInfo("scaled", "softmax of z/2") { KeepsArgmax = true }, () => new Scaled(2, 1f));

    [Fact]
    public void RowsThatSumTo09Fail()
    {
        var violation = Assert.Throws<ContractViolation>(() => CalibratorContract.Check(new PluginInfo("short-rows", "x"), () => new Scaled(1, 0.9f)));

        Assert.StartsWith("calibrator 'short-rows': apply (exit 1 test logits) the probabilities of sample 0 sum to 0.9", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnArgmaxPromiseThatIsNotKeptFails()
    {
        var violation = Assert.Throws<ContractViolation>(() => CalibratorContract.Check(new PluginInfo("reversed", "x") { KeepsArgmax = true }, () => new Scaled(1, 1f, reverseClasses: true)));

        // Sample 0 of the kit's exit-1 test logits: class 5 on top, so reversed (C = 10) class 9 − 5 = 4.
        Assert.Equal("calibrator 'reversed': KeepsArgmax is set, but on exit 1 test logits sample 0's argmax moved from class 5 to class 4", violation.Message);
    }

    [Fact]
    public void ASampleOrderPromiseThatIsNotKeptFails()
    {
        // Temperature 2 keeps every argmax but reorders samples by confidence.
        var violation = Assert.Throws<ContractViolation>(() => CalibratorContract.Check(new PluginInfo("temperature-2", "x") { KeepsArgmax = true, KeepsSampleOrder = true }, () => new Scaled(2, 1f)));

        Assert.Contains("calibrator 'temperature-2': KeepsSampleOrder is set, but on exit 1 test logits samples", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALabelFreePromiseThatReadsLabelsFails()
    {
        var violation = Assert.Throws<ContractViolation>(() => CalibratorContract.Check(new PluginInfo("label-reader", "x") { UsesValidationLabels = false }, () => new LabelReading()));

        Assert.Equal("calibrator 'label-reader': UsesValidationLabels is false, but fitting exit 1 with other validation labels changed its outputs", violation.Message);
    }

    [Fact]
    public void AThrowingFitNamesTheCallAndTheException()
    {
        var violation = Assert.Throws<ContractViolation>(() => CalibratorContract.Check(new PluginInfo("throws", "x"), () => throw new InvalidOperationException("no data")));

        Assert.Equal("calibrator 'throws': fit (exit 1) threw InvalidOperationException: no data", violation.Message);
    }

    [Fact]
    public void ALogitCalibratorWhoseApplyIsNotTheSoftmaxOfItsLogitsFails()
    {
        var violation = Assert.Throws<ContractViolation>(() => CalibratorContract.Check(new PluginInfo("two-minds", "x"), () => new TwoMinds()));

        Assert.StartsWith("calibrator 'two-minds': on exit 1 test logits, apply gives ", violation.Message, StringComparison.Ordinal);
        Assert.EndsWith("but the softmax of its CalibrateLogits gives " + violation.Message.Split("gives ")[^1], violation.Message, StringComparison.Ordinal);
        CalibratorContract.Check(new PluginInfo("halved", "x") { KeepsArgmax = true }, () => new TwoMinds(consistent: true));
    }

    [Fact]
    public void CONTRIBUTINGsReasonForILogitCalibrationHolds()
    {
        // The guide: in float32 the softmax of logit gaps 30 and 31 are both exactly 1, so those samples tie; from the
        // logits in double precision (what ILogitCalibration lets the host do) they rank apart, 1 - e^-30 < 1 - e^-31.
        var logits = new ClassMatrix([30f, 0f, 31f, 0f], 2, 2);
        var single = Probabilities.Softmax(logits);

        Assert.Equal((1f, 1f), (single[0, 0], single[1, 0]));
        Assert.True(Probabilities.MaxSoftmax(logits.Row(0)) < Probabilities.MaxSoftmax(logits.Row(1)));
        Assert.Equal(1 / (1 + Math.Exp(-30)), Probabilities.MaxSoftmax(logits.Row(0)), 1e-15);
        var guide = File.ReadAllText(Path.Combine(Support.TestPaths.RepoRoot, "CONTRIBUTING.md"));
        Assert.Contains("`ILogitCalibration`", guide, StringComparison.Ordinal);
        Assert.Contains("logit gaps 30 and 31 are both exactly 1 in float32", guide, StringComparison.Ordinal);
    }

    [Fact]
    public void NaNScoresFail()
    {
        var violation = Assert.Throws<ContractViolation>(() => FailurePredictorContract.Check(new PluginInfo("nan", "x"), () => new Score((o, k) => [.. Enumerable.Repeat(double.NaN, o.Samples)])));

        Assert.Equal("failure predictor 'nan': score (exit 1) score NaN at sample 0 is not finite", violation.Message);
    }

    [Fact]
    public void AScoreThatReadsALaterExitFails()
    {
        var violation = Assert.Throws<ContractViolation>(() => FailurePredictorContract.Check(new PluginInfo("peeks", "x"), () => new Score((o, k) => MaxSoftmax(o, o.Exits - 1))));

        Assert.Equal("failure predictor 'peeks': its score at exit 1 changed when only later exits' outputs changed; a score may read earlier exits, never later ones (dynamic inference has not computed them)", violation.Message);
    }

    [Fact]
    public void AWorkingScorePasses() =>
        FailurePredictorContract.Check(new PluginInfo("msp-copy", "x") { UsesValidationLabels = false }, () => new Score(MaxSoftmax));

    [Fact]
    public void AnExitOutOfRangeFails()
    {
        var violation = Assert.Throws<ContractViolation>(() => ExitPolicyContract.Check(new PluginInfo("too-far", "x"), () => new Policy(i => [new ExitAssignment("all-last", [.. Enumerable.Repeat(i.TestScores.Count, i.TestScores[0].Length)])])));

        Assert.Equal("exit policy 'too-far': assign (all-last) must give an exit in 0..2 for each of the 500 test samples", violation.Message);
    }

    [Fact]
    public void AWorkingPolicyPasses() =>
        ExitPolicyContract.Check(new PluginInfo("first-or-last", "x") { UsesValidationLabels = false }, () => new Policy(i =>
            [new ExitAssignment("first", new int[i.TestScores[0].Length]), new ExitAssignment("last", [.. Enumerable.Repeat(i.TestScores.Count - 1, i.TestScores[0].Length)])]));

    [Fact]
    public void AMetricOutsideItsRangeFails()
    {
        var violation = Assert.Throws<ContractViolation>(() => MetricContract.Check(new PluginInfo("error_count", "x"), () => new Metric(c => c.Correct(c.Exit).ToArray().Count(x => !x))));

        Assert.StartsWith("metric 'error_count': returned ", violation.Message, StringComparison.Ordinal);
        Assert.EndsWith("at exit 1, outside its declared range [0, 1] or not finite", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMetricThatDependsOnSampleOrderFails()
    {
        var violation = Assert.Throws<ContractViolation>(() => MetricContract.Check(new PluginInfo("first_correct", "x"), () => new Metric(c => c.Correct(c.Exit)[0] ? 1 : 0.5)));

        Assert.Contains("on the same samples in another order", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWorkingMetricPasses() =>
        MetricContract.Check(new PluginInfo("error_rate", "x"), () => new Metric(c => (double)c.Correct(c.Exit).ToArray().Count(x => !x) / c.Labels.Length));

    [Fact]
    public void AnAliasInTheWrongStyleFailsAtRegistration()
    {
        var violation = Assert.Throws<ContractViolation>(() => new PluginRecorder().Add<IExitMetric>(new PluginInfo("Error-Rate", "x"), _ => new Metric(_ => 0)));

        Assert.StartsWith("IExitMetric alias 'Error-Rate' must be snake_case", violation.Message, StringComparison.Ordinal);
    }

    private static double[] MaxSoftmax(MultiExitOutputs outputs, int exit) =>
        [.. Enumerable.Range(0, outputs.Samples).Select(i => Probabilities.MaxSoftmax(outputs.Logits[exit].Row(i)))];

    /// <summary>softmax(z / temperature), each probability multiplied by <c>mass</c>, optionally given to the classes in reverse order.</summary>
    private sealed class Scaled(double temperature, float mass, bool reverseClasses = false) : ICalibrator, IFittedCalibrator
    {
        public IReadOnlyDictionary<string, double> Parameters { get; } = new Dictionary<string, double> { ["temperature"] = temperature };

        public IFittedCalibrator Fit(ClassMatrix logits, ReadOnlySpan<int> labels, CancellationToken cancellationToken) => this;

        public ClassMatrix Apply(ClassMatrix logits)
        {
            var p = Probabilities.Softmax(logits, temperature);
            var values = p.Values.ToArray().Select((v, i) => reverseClasses ? p[i / p.Columns, p.Columns - 1 - (i % p.Columns)] : v * mass);
            return new ClassMatrix([.. values], p.Rows, p.Columns);
        }
    }

    /// <summary>A logit calibrator z/2 whose Apply is, unless consistent, the plain softmax instead of softmax(z/2).</summary>
    private sealed class TwoMinds(bool consistent = false) : ICalibrator, IFittedCalibrator, ILogitCalibration
    {
        public IReadOnlyDictionary<string, double> Parameters { get; } = new Dictionary<string, double>();

        public IFittedCalibrator Fit(ClassMatrix logits, ReadOnlySpan<int> labels, CancellationToken cancellationToken) => this;

        public ClassMatrix Apply(ClassMatrix logits) => Probabilities.Softmax(logits, consistent ? 2 : 1);

        public ClassMatrix CalibrateLogits(ClassMatrix logits) => new([.. logits.Values.ToArray().Select(v => v / 2)], logits.Rows, logits.Columns);
    }

    /// <summary>Shifts the logit of the most frequent validation label.</summary>
    private sealed class LabelReading : ICalibrator
    {
        public IFittedCalibrator Fit(ClassMatrix logits, ReadOnlySpan<int> labels, CancellationToken cancellationToken)
        {
            var top = labels.ToArray().GroupBy(l => l).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
            return new Shifted(top);
        }

        private sealed class Shifted(int label) : IFittedCalibrator
        {
            public IReadOnlyDictionary<string, double> Parameters { get; } = new Dictionary<string, double> { ["label"] = label };

            public ClassMatrix Apply(ClassMatrix logits)
            {
                var values = logits.Values.ToArray();
                for (var i = 0; i < logits.Rows; i++)
                {
                    values[(i * logits.Columns) + label] += 1;
                }

                return Probabilities.Softmax(new ClassMatrix(values, logits.Rows, logits.Columns));
            }
        }
    }

    private sealed class Score(Func<MultiExitOutputs, int, double[]> score) : IFailurePredictor, IConfidenceScorer
    {
        public IConfidenceScorer Fit(MultiExitOutputs validation, ReadOnlySpan<int> labels, CancellationToken cancellationToken) => this;

        double[] IConfidenceScorer.Score(MultiExitOutputs outputs, int exit) => score(outputs, exit);
    }

    private sealed class Policy(Func<ExitPolicyInput, IReadOnlyList<ExitAssignment>> assign) : IExitPolicy
    {
        public IReadOnlyList<ExitAssignment> Assign(ExitPolicyInput input, CancellationToken cancellationToken) => assign(input);
    }

    private sealed class Metric(Func<ExitMetricContext, double> compute) : IExitMetric
    {
        public MetricInfo Info { get; } = new(MetricDirection.LowerIsBetter, "test") { Minimum = 0, Maximum = 1 };

        public double? Compute(ExitMetricContext context) => compute(context);
    }
}
