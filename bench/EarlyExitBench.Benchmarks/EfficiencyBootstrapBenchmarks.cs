using BenchmarkDotNet.Attributes;
using EarlyExitBench.Harness.Methods;

namespace EarlyExitBench.Benchmarks;

/// <summary>
/// The efficiency-score bootstrap of one method at the default suite's scale: n = 10,000 test samples, K = 3 exits,
/// B = 200 resamples; the global-threshold sweep per resample, and a plugin policy with 10 operating points.
/// In process (see <see cref="InProcessShortRunConfig"/>): the harness build under test, as the CLI runs it.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRunConfig))]
public class EfficiencyBootstrapBenchmarks
{
    private const int Samples = 10_000;
    private const int Exits = 3;
    private readonly double[] _costs = [0.27e6, 1.2e6, 3.9e6];
    private EfficiencyBootstrap _bootstrap = null!;
    private double[][] _scores = null!;
    private bool[][] _correct = null!;
    private int[][] _assignments = null!;

    [Params(200)]
    public int Resamples { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _scores = Enumerable.Range(0, Exits).Select(_ => Enumerable.Range(0, Samples).Select(_ => random.NextDouble()).ToArray()).ToArray();
        _correct = Enumerable.Range(0, Exits).Select(k => _scores[k].Select(s => random.NextDouble() < 0.5 + (0.1 * k) + (0.3 * s)).ToArray()).ToArray();
        _assignments = Enumerable.Range(0, 10).Select(p => _scores[0].Select((s, i) => s > p / 10.0 ? 0 : _scores[1][i] > p / 10.0 ? 1 : 2).ToArray()).ToArray();
        _bootstrap = EfficiencyBootstrap.Create(Resamples, Samples);
    }

    [Benchmark]
    public double[] GlobalThreshold() => _bootstrap.GlobalThreshold(_scores, _correct, _costs);

    [Benchmark]
    public double[] PolicyWithTenPoints() => _bootstrap.Assigned(_assignments, _correct, _costs);

    [Benchmark]
    public EfficiencyBootstrap DrawResamples() => EfficiencyBootstrap.Create(Resamples, Samples);
}
