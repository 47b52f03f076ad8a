using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Bundles;

namespace EarlyExitBench.Benchmarks;

/// <summary>
/// Logits drawn like <c>perf_ref.py</c>'s: z ~ N(0, 1) per class, plus 0.5 + 0.4·k on the label at exit k; 10,000
/// validation samples; cost k + 1. Seeded, so every run measures the same data.
/// </summary>
internal static class SyntheticBundle
{
    public static LogitsBundle Create(int samples, int exits, int classes, int seed = 0)
    {
        var random = new Random(seed);
        var (validationLogits, validationLabels) = Split(random, 10_000, exits, classes);
        var (testLogits, testLabels) = Split(random, samples, exits, classes);
        var costs = Enumerable.Range(1, exits).Select(k => (double)k).ToArray();
        return new LogitsBundle(validationLogits, validationLabels, testLogits, testLabels, costs, "synthetic", "perf_ref");
    }

    private static (List<ClassMatrix> Logits, int[] Labels) Split(Random random, int n, int exits, int classes)
    {
        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = random.Next(classes);
        }

        var logits = new List<ClassMatrix>(exits);
        for (var k = 0; k < exits; k++)
        {
            var values = GC.AllocateUninitializedArray<float>(n * classes);
            FillNormal(random, values);
            for (var i = 0; i < n; i++)
            {
                values[(i * classes) + labels[i]] += 0.5f + (0.4f * k);
            }

            logits.Add(new ClassMatrix(values, n, classes));
        }

        return (logits, labels);
    }

    /// <summary>Standard normals by the Box–Muller transform, two per pair of uniforms.</summary>
    private static void FillNormal(Random random, float[] values)
    {
        for (var i = 0; i < values.Length; i += 2)
        {
            var radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
            var angle = 2 * Math.PI * random.NextDouble();
            values[i] = (float)(radius * Math.Cos(angle));
            if (i + 1 < values.Length)
            {
                values[i + 1] = (float)(radius * Math.Sin(angle));
            }
        }
    }
}
