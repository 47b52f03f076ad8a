using BenchmarkDotNet.Attributes;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Benchmarks;

/// <summary>
/// The whole evaluation of one method at paper scale: K = 10 exits, n = 100,000 test samples, C = 100 classes
/// (400 MB of float probabilities). <see cref="Evaluate"/> reads stored probabilities (as for histogram binning);
/// <see cref="EvaluateFromLogits"/> reads the calibrated logits and computes the probabilities in double precision, as
/// <c>eebench evaluate</c> does for identity and temperature scaling.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class EvaluationBenchmarks
{
    private EvaluationInput _input = null!;
    private EvaluationInput _fromLogits = null!;

    [Params(100_000)]
    public int Samples { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        const int exits = 10, classes = 100;
        var random = new Random(42);
        var labels = new int[Samples];
        for (var i = 0; i < Samples; i++)
        {
            labels[i] = random.Next(classes);
        }

        var probabilities = new ClassMatrix[exits];
        var logitMatrices = new ClassMatrix[exits];
        var scores = new double[exits][];
        var before = new double[exits][];
        var costs = new double[exits];
        for (var k = 0; k < exits; k++)
        {
            // Later exits see a stronger signal for the label, so accuracy rises along the network.
            var values = new float[Samples * classes];
            var raw = new float[Samples * classes];
            var row = new double[classes];
            var logits = new float[classes];
            scores[k] = new double[Samples];
            before[k] = new double[Samples];
            for (var i = 0; i < Samples; i++)
            {
                for (var c = 0; c < classes; c++)
                {
                    logits[c] = (float)(random.NextDouble() * 4);
                }

                logits[labels[i]] += (float)(random.NextDouble() * (k + 1));
                logits.CopyTo(raw, i * classes);
                Probabilities.SoftmaxRow(logits, 1.0, row);
                double max = 0, max2 = 0;
                for (var c = 0; c < classes; c++)
                {
                    values[(i * classes) + c] = (float)row[c];
                    max = Math.Max(max, (float)row[c]);
                }

                Probabilities.SoftmaxRow(logits, 1.5, row);
                foreach (var p in row)
                {
                    max2 = Math.Max(max2, p);
                }

                scores[k][i] = max;
                before[k][i] = max2;
            }

            probabilities[k] = new ClassMatrix(values, Samples, classes);
            logitMatrices[k] = new ClassMatrix(raw, Samples, classes);
            costs[k] = (k + 1) * 1e6;
        }

        _input = new EvaluationInput(probabilities, scores, labels, costs, before);
        _fromLogits = _input with { CalibratedLogits = logitMatrices };
    }

    [Benchmark(Baseline = true)]
    public MethodEvaluation Evaluate() => MethodEvaluator.Evaluate(_input);

    [Benchmark]
    public MethodEvaluation EvaluateFromLogits() => MethodEvaluator.Evaluate(_fromLogits);
}
