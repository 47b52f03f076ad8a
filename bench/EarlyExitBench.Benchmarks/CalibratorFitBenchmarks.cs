using BenchmarkDotNet.Attributes;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Plugins;
using Serilog.Core;

namespace EarlyExitBench.Benchmarks;

/// <summary>
/// Fitting each standard calibrator on every exit of a K = 4 network: 5,000 validation samples × 10 classes per exit.
/// Synthetic logits: labels drawn from softmax(u) with u ~ N(0, 2²); exit k reports (0.6 + 0.6k)·u plus N(0, (1.5 − 0.3k)²)
/// noise and a per-class bias, so every exit is miscalibrated differently and later exits are more accurate.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class CalibratorFitBenchmarks
{
    private const int Exits = 4, Samples = 5_000, Classes = 10;
    private ClassMatrix[] _logits = null!;
    private int[] _labels = null!;
    private ICalibrator _calibrator = null!;

    private static readonly Lazy<PluginCatalog> Registry = new(() => PluginHost.Load(PluginHost.DefaultDirectories(), Logger.None));

    /// <summary>The calibrator's alias: every calibrator of the loaded registry (<c>artifacts/plugins</c>), default options.</summary>
    [ParamsSource(nameof(Calibrators))]
    public string Calibrator { get; set; } = "identity";

    /// <summary>The aliases of every registered calibrator, in registration order.</summary>
    /// <returns>The aliases.</returns>
    public static IEnumerable<string> Calibrators()
    {
        var aliases = Registry.Value[PluginKind.Calibrator].InRegistrationOrder.Select(r => r.Alias).ToList();
        return aliases.Count > 0 ? aliases : throw new InvalidOperationException("No calibrator is registered: build the solution first (plugins go to artifacts/plugins).");
    }

    /// <summary>Makes the calibrator, the logits and the labels.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var registry = Registry.Value[PluginKind.Calibrator];
        var registration = registry.TryGet(Calibrator, out var found) ? found : throw new InvalidOperationException(registry.UnknownAliasMessage(Calibrator));
        _calibrator = (ICalibrator)registration.Factory(Activator.CreateInstance(registration.OptionsType)!, new PluginContext(Logger.None, Calibrator, 1));

        var random = new Random(42);
        var truth = new double[Samples * Classes];
        _labels = new int[Samples];
        var p = new double[Classes];
        for (var i = 0; i < Samples; i++)
        {
            var row = truth.AsSpan(i * Classes, Classes);
            for (var c = 0; c < Classes; c++)
            {
                row[c] = 2 * Gaussian(random);
            }

            var max = double.NegativeInfinity;
            foreach (var u in row)
            {
                max = Math.Max(max, u);
            }

            var sum = 0.0;
            for (var c = 0; c < Classes; c++)
            {
                p[c] = Math.Exp(row[c] - max);
                sum += p[c];
            }

            var draw = random.NextDouble() * sum;
            _labels[i] = Classes - 1;
            for (var c = 0; c < Classes; c++)
            {
                draw -= p[c];
                if (draw < 0)
                {
                    _labels[i] = c;
                    break;
                }
            }
        }

        _logits = new ClassMatrix[Exits];
        for (var k = 0; k < Exits; k++)
        {
            var values = new float[Samples * Classes];
            for (var j = 0; j < values.Length; j++)
            {
                var c = j % Classes;
                values[j] = (float)(((0.6 + (0.6 * k)) * truth[j]) + ((1.5 - (0.3 * k)) * Gaussian(random)) + (0.2 * (c - 4.5) / Classes));
            }

            _logits[k] = new ClassMatrix(values, Samples, Classes);
        }
    }

    /// <summary>Fits one calibrator per exit.</summary>
    /// <returns>The fitted calibrators.</returns>
    [Benchmark]
    public IFittedCalibrator[] FitAllExits()
    {
        var fitted = new IFittedCalibrator[Exits];
        for (var k = 0; k < Exits; k++)
        {
            fitted[k] = _calibrator.Fit(_logits[k], _labels, CancellationToken.None);
        }

        return fitted;
    }

    private static double Gaussian(Random random)
    {
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }
}
