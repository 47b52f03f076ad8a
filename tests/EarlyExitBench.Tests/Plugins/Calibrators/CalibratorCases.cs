using EarlyExitBench.Calibrators.Standard;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Tests.Plugins.Calibrators;

/// <summary>Every calibrator of the standard plugin, by name, with default options.</summary>
internal static class CalibratorCases
{
    public static readonly string[] All = ["identity", "temperature", "vector", "matrix", "histogram", "isotonic", "platt", "platt_max_logit"];

    public static readonly string[] KeepArgmax = ["identity", "temperature", "histogram", "isotonic", "platt", "platt_max_logit"];

    public static ICalibrator Create(string name) => name switch
    {
        "identity" => new IdentityCalibrator(),
        "temperature" => new TemperatureCalibrator(),
        "vector" => new VectorScalingCalibrator(),
        "matrix" => new MatrixScalingCalibrator(new MatrixScalingOptions()),
        "histogram" => new HistogramBinningCalibrator(new HistogramBinningOptions()),
        "isotonic" => new IsotonicCalibrator(),
        "platt" => new PlattCalibrator(new PlattOptions()),
        "platt_max_logit" => new PlattCalibrator(new PlattOptions { Input = PlattCalibrator.MaxLogit }),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>Overconfident 10-class logits (true temperature 2).</summary>
    public static (ClassMatrix Logits, int[] Labels) Overconfident(int samples, int seed)
    {
        var (u, labels) = Synthetic.Calibrated(samples, 10, 1.5, seed);
        return (Synthetic.Observe(u, 10, row => row.Select(v => 2 * v).ToArray()), labels);
    }

    /// <summary>Rows at the edge of float range: saturated, tied, all equal, alternating.</summary>
    public static ClassMatrix Extreme(int seed)
    {
        const double big = 1e4;
        var rows = new List<double[]>
        {
            new[] { big, -big, 0, 0, 0, 0, 0, 0, 0, 0 },
            Enumerable.Repeat(-big, 10).ToArray(),
            Enumerable.Repeat(big, 10).ToArray(),
            Enumerable.Repeat(0.0, 10).ToArray(),
            new[] { big, big, -big, -big, -big, -big, -big, -big, -big, -big },
            Enumerable.Range(0, 10).Select(c => c % 2 == 0 ? big : -big).ToArray(),
            Enumerable.Range(0, 10).Select(c => c == 9 ? big : 0.0).ToArray(),
            Enumerable.Range(0, 10).Select(c => c == 3 ? -big + 1 : -big).ToArray(),
        };
        var random = new Random(seed);
        for (var i = 0; i < 20; i++)
        {
            rows.Add(Enumerable.Range(0, 10).Select(_ => (random.NextDouble() * 2 * big) - big).ToArray());
        }

        return Synthetic.Matrix([.. rows]);
    }
}
