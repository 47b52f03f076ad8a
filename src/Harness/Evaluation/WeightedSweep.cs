using System.Runtime.CompilerServices;

namespace EarlyExitBench.Harness.Evaluation;

/// <summary>
/// The global-threshold sweep of one set of scores, prepared once so that it can be walked for many resamples of the
/// samples, each given as a weight per sample (how many times the resample drew it). The events are sorted once; for
/// each event the exit the sample leaves and the change in its correctness are fixed by the scores alone, so a walk
/// reads the events in order and only looks up its sample's weight. A walk lists a point only at a τ where some event has
/// a non-zero weight, which is exactly <see cref="ExitSweep.Sweep"/> of the resample materialised sample by sample: the
/// same thresholds and the same integer hit and exit counts, so the same points bit for bit.
/// </summary>
internal sealed class WeightedSweep
{
    private readonly double[] _taus;
    private readonly int[] _samples;
    private readonly int[] _from;
    private readonly int[] _to;
    private readonly int[] _hitChange;
    private readonly bool[] _lastCorrect;
    private readonly int _distinctTaus;
    private readonly int _samplesCount;

    private WeightedSweep(double[] taus, int[] samples, (int[] From, int[] To, int[] HitChange) moves, bool[] lastCorrect, int distinctTaus, int n)
    {
        _taus = taus;
        _samples = samples;
        (_from, _to, _hitChange) = moves;
        _lastCorrect = lastCorrect;
        _distinctTaus = distinctTaus;
        _samplesCount = n;
    }

    /// <summary>Sorts the events of <paramref name="scores"/> and fixes each one's exits and change in correctness.</summary>
    /// <param name="scores">[K][n] scores, validated as for <see cref="ExitSweep.Sweep"/>.</param>
    /// <param name="correct">[K][n] correctness per exit.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static WeightedSweep Create(IReadOnlyList<double[]> scores, IReadOnlyList<bool[]> correct)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(correct);
        var n = correct[0].Length;
        var last = scores.Count - 1;
        var (taus, codes) = ExitSweep.SortEvents(scores, n);
        var samples = new int[taus.Length];
        var from = new int[taus.Length];
        var to = new int[taus.Length];
        var hitChange = new int[taus.Length];
        var exitOf = new int[n];
        Array.Fill(exitOf, last);
        var distinct = 0;

        // In walk order (τ falling): each event moves its sample from the exit its previous event left it at.
        for (var e = taus.Length - 1; e >= 0; e--)
        {
            var sample = last == 0 ? 0 : codes[e] / last;
            var exit = last == 0 ? 0 : codes[e] % last;
            samples[e] = sample;
            from[e] = exitOf[sample];
            to[e] = exit;
            hitChange[e] = (correct[exit][sample] ? 1 : 0) - (correct[exitOf[sample]][sample] ? 1 : 0);
            exitOf[sample] = exit;
            distinct += e == taus.Length - 1 || taus[e] != taus[e + 1] ? 1 : 0;
        }

        return new WeightedSweep(taus, samples, (from, to, hitChange), correct[last], distinct, n);
    }

    /// <summary>A scratch buffer large enough for any walk of this sweep (one per thread).</summary>
    public OperatingPoint[] NewBuffer() => new OperatingPoint[_distinctTaus + 1];

    /// <summary>The operating points of the resample with <paramref name="weights"/>, by falling threshold.</summary>
    /// <param name="weights">Per sample, its multiplicity in the resample; non-negative, summing to n.</param>
    /// <param name="exitCosts">[K] cumulative exit costs.</param>
    /// <param name="buffer">Scratch from <see cref="NewBuffer"/>.</param>
    /// <returns>The points, at the start of <paramref name="buffer"/> (valid until its next walk).</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<OperatingPoint> Walk(int[] weights, double[] exitCosts, OperatingPoint[] buffer)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(exitCosts);
        ArgumentNullException.ThrowIfNull(buffer);
        var n = _samplesCount;
        var counts = new long[exitCosts.Length];
        counts[^1] = n;
        var hits = LastExitHits(weights);
        var count = 0;
        buffer[count++] = ExitSweep.MakePoint(double.PositiveInfinity, hits, counts, n, exitCosts);
        var at = _taus.Length - 1;
        while (at >= 0)
        {
            var tau = _taus[at];
            var moved = false;
            for (; at >= 0 && _taus[at] == tau; at--)
            {
                var weight = weights[_samples[at]];
                if (weight != 0)
                {
                    counts[_from[at]] -= weight;
                    counts[_to[at]] += weight;
                    hits += weight * _hitChange[at];
                    moved = true;
                }
            }

            if (moved)
            {
                buffer[count++] = ExitSweep.MakePoint(tau, hits, counts, n, exitCosts);
            }
        }

        return buffer.AsSpan(0, count);
    }

    /// <summary>Σ_i w_i·1[correct at the last exit]: the resample's hits when every sample runs to the end.</summary>
    public long LastExitHits(int[] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        long hits = 0;
        for (var i = 0; i < _samplesCount; i++)
        {
            hits += _lastCorrect[i] ? weights[i] : 0;
        }

        return hits;
    }
}
