using EarlyExitBench.Contracts;

namespace EarlyExitBench.Testing;

/// <summary>Made-up logits with a known structure, deterministic for a seed (System.Random's seeded sequence).</summary>
public static class SyntheticLogits
{
    /// <summary>
    /// n × C logits with labels: each sample has a difficulty d ∈ [0, 1); its true class gets a margin of
    /// <paramref name="signal"/>·(1 − d) over Gaussian noise, and every logit is multiplied by <paramref name="scale"/>
    /// (above 1: overconfident).
    /// </summary>
    /// <param name="samples">Rows n.</param>
    /// <param name="classes">Columns C.</param>
    /// <param name="seed">Seed.</param>
    /// <param name="signal">Margin of the true class for an easy sample.</param>
    /// <param name="scale">Multiplier of every logit.</param>
    /// <returns>The logits and the labels.</returns>
    public static (ClassMatrix Logits, int[] Labels) Create(int samples, int classes, int seed, double signal = 3, double scale = 3)
    {
        var (exits, labels) = Split(1, samples, classes, seed, signal, scale);
        return (exits[0], labels);
    }

    /// <summary>
    /// K exits' logits on the same samples: a sample's difficulty and noise are shared, and exit k's margin is
    /// <paramref name="signal"/>·(k + 1)/K, so later exits are right more often.
    /// </summary>
    /// <param name="exits">Exits K.</param>
    /// <param name="samples">Rows n.</param>
    /// <param name="classes">Columns C.</param>
    /// <param name="seed">Seed.</param>
    /// <param name="signal">The last exit's margin for an easy sample.</param>
    /// <param name="scale">Multiplier of every logit.</param>
    /// <returns>Per exit, the logits; and the labels.</returns>
    public static (IReadOnlyList<ClassMatrix> Exits, int[] Labels) Split(int exits, int samples, int classes, int seed, double signal = 3, double scale = 3)
    {
        var random = new Random(seed);
        var labels = new int[samples];
        var difficulty = new double[samples];
        var noise = new double[exits, samples, classes];
        for (var i = 0; i < samples; i++)
        {
            labels[i] = random.Next(classes);
            difficulty[i] = random.NextDouble();
            for (var k = 0; k < exits; k++)
            {
                for (var c = 0; c < classes; c++)
                {
                    noise[k, i, c] = Gaussian(random) * (k == 0 ? 1.0 : 0.7);
                }
            }
        }

        var result = new ClassMatrix[exits];
        for (var k = 0; k < exits; k++)
        {
            var values = new float[samples * classes];
            var margin = signal * (k + 1) / exits;
            for (var i = 0; i < samples; i++)
            {
                for (var c = 0; c < classes; c++)
                {
                    var shared = k == 0 ? noise[0, i, c] : (0.5 * noise[0, i, c]) + noise[k, i, c];
                    values[(i * classes) + c] = (float)(scale * (shared + (c == labels[i] ? margin * (1 - difficulty[i]) * 2 : 0)));
                }
            }

            result[k] = new ClassMatrix(values, samples, classes);
        }

        return (result, labels);
    }

    /// <summary>Logits far out in both tails (|z| up to 1e4): a calibrator must still return distributions.</summary>
    /// <param name="samples">Rows n.</param>
    /// <param name="classes">Columns C.</param>
    /// <param name="seed">Seed.</param>
    /// <returns>The logits.</returns>
    public static ClassMatrix Extreme(int samples, int classes, int seed)
    {
        var random = new Random(seed);
        var values = new float[samples * classes];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(Gaussian(random) * Math.Pow(10, random.Next(5)));
        }

        return new ClassMatrix(values, samples, classes);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
