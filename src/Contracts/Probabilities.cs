using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EarlyExitBench.Contracts;

/// <summary>Numerically stable softmax helpers shared by calibrators and scores.</summary>
public static class Probabilities
{
    /// <summary>Row-wise softmax of <paramref name="logits"/> divided by <paramref name="temperature"/>.</summary>
    /// <param name="logits">Logits, one row per sample.</param>
    /// <param name="temperature">Positive temperature; 1 leaves the logits as they are.</param>
    /// <returns>A new matrix whose rows sum to 1.</returns>
    public static ClassMatrix Softmax(ClassMatrix logits, double temperature = 1.0)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(temperature);
        var result = new float[logits.Rows * logits.Columns];
        var row = new double[logits.Columns];
        for (var i = 0; i < logits.Rows; i++)
        {
            SoftmaxRow(logits.Row(i), 1.0 / temperature, row);
            for (var c = 0; c < row.Length; c++)
            {
                result[(i * logits.Columns) + c] = (float)row[c];
            }
        }

        return new ClassMatrix(result, logits.Rows, logits.Columns);
    }

    /// <summary>
    /// The predicted class of one row: the index of the largest value, the first one on ties. The harness's
    /// predictions use this, so a plugin that compares predictions (patience, agreement features) should too.
    /// </summary>
    /// <param name="row">One sample's logits or probabilities.</param>
    /// <returns>The class index; 0 for an empty row.</returns>
    public static int ArgMax(ReadOnlySpan<float> row)
    {
        var best = 0;
        for (var c = 1; c < row.Length; c++)
        {
            if (row[c] > row[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>
    /// The largest softmax probability of one row of logits, in double precision: 1 / Σ_c exp(z_c − max z). Near 1 it
    /// keeps the tail mass 1 − p apart where single-precision probabilities all round to 1.0f (1 − 1e-9 and 1 − 1e-12
    /// stay distinct). The same kernel as <see cref="ShiftedExponentials"/>, so it agrees bit for bit with the
    /// harness's confidence.
    /// </summary>
    /// <param name="logits">One sample's logits (or calibrated logits), finite.</param>
    /// <returns>max_c softmax(z)_c.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double MaxSoftmax(ReadOnlySpan<float> logits)
    {
        Span<float> exponentials = logits.Length <= 1024 ? stackalloc float[logits.Length] : new float[logits.Length];
        return 1.0 / ShiftedExponentials(logits, exponentials, out _);
    }

    /// <summary>
    /// e_c = exp(z_c − max z) for one row of logits, evaluated in single precision (relative error about 1e-7 whatever
    /// the gap; e at the argmax is exactly 1), and their sum S in double precision. Then p_c = e_c / S, max p = 1 / S and
    /// log p_c = (z_c − max z) − log S, each to about 1e-7 relative, including 1 − max p.
    /// </summary>
    /// <param name="logits">One sample's logits, finite, at least one.</param>
    /// <param name="exponentials">Receives e_c; same length as <paramref name="logits"/>.</param>
    /// <param name="argMax">The first index of the largest logit (as <see cref="ArgMax"/>).</param>
    /// <returns>S = Σ_c e_c ≥ 1.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double ShiftedExponentials(ReadOnlySpan<float> logits, Span<float> exponentials, out int argMax)
    {
        var count = logits.Length;
        if (count == 0 || exponentials.Length != count)
        {
            throw new ArgumentException("Expected a non-empty row and a destination of the same length.", nameof(exponentials));
        }

        var width = Vector256<float>.Count;
        if (count < width)
        {
            // Pad to one vector with −∞, whose exponential is 0, so short rows take the same path.
            Span<float> padded = stackalloc float[width];
            Span<float> paddedExponentials = stackalloc float[width];
            padded.Fill(float.NegativeInfinity);
            logits.CopyTo(padded);
            var paddedSum = ShiftedExponentials(padded, paddedExponentials, out argMax);
            paddedExponentials[..count].CopyTo(exponentials);
            return paddedSum;
        }

        ref var z = ref MemoryMarshal.GetReference(logits);
        ref var e = ref MemoryMarshal.GetReference(exponentials);
        var lastBlock = (nuint)(count - width);

        // The last block overlaps the previous one instead of a scalar tail, so every element goes through the same exp.
        var maxVector = Vector256.LoadUnsafe(ref z, lastBlock);
        for (nuint c = 0; c < lastBlock; c += (nuint)width)
        {
            maxVector = Vector256.Max(maxVector, Vector256.LoadUnsafe(ref z, c));
        }

        var shift = Vector256.Create(HorizontalMax(maxVector));
        argMax = FirstEqual(ref z, lastBlock, shift);
        var sumLow = Vector256<double>.Zero;
        var sumHigh = Vector256<double>.Zero;
        nuint at = 0;
        for (; at < lastBlock; at += (nuint)width)
        {
            var block = ShiftedExp(Vector256.LoadUnsafe(ref z, at), shift);
            block.StoreUnsafe(ref e, at);
            var (low, high) = Vector256.Widen(block);
            sumLow += low;
            sumHigh += high;
        }

        var tail = ShiftedExp(Vector256.LoadUnsafe(ref z, lastBlock), shift);
        tail.StoreUnsafe(ref e, lastBlock);

        // Only the lanes not covered by the loop count towards the sum.
        var fresh = Vector256.GreaterThanOrEqual(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7) + Vector256.Create((int)lastBlock), Vector256.Create((int)at)).AsSingle();
        var (tailLow, tailHigh) = Vector256.Widen(Vector256.ConditionalSelect(fresh, tail, Vector256<float>.Zero));
        return Vector256.Sum(sumLow + tailLow) + Vector256.Sum(sumHigh + tailHigh);
    }

    /// <summary>
    /// exp(z − max) with the rounding error of the float subtraction put back: z − max = s + err exactly (Knuth's
    /// TwoSum), exp(z − max) ≈ exp(s)·(1 + err). Without it a gap of 20 between logits, rounded to a float, would already
    /// cost 1e-6 of relative precision.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ShiftedExp(Vector256<float> z, Vector256<float> max)
    {
        var s = z - max;
        var zPart = s + max;
        var maxPart = s - zPart;
        var error = (z - zPart) - (max + maxPart);
        var e = Exp(s);

        // Where e is 0 (a gap beyond 87, or −∞ padding) the error term may be NaN; the result stays 0.
        return Vector256.ConditionalSelect(Vector256.Equals(e, Vector256<float>.Zero), e, Vector256.FusedMultiplyAdd(e, error, e));
    }

    /// <summary>
    /// exp(x) for x ≤ 0 in single precision: Cephes' expf (x = n·ln 2 + r, |r| ≤ ln 2 / 2, degree-6 polynomial, 2ⁿ by
    /// exponent bits), relative error below 1e-7; 0 below −87.3 where the result would be subnormal. Measured 2.4×
    /// faster than <see cref="Vector256.Exp(Vector256{float})"/>, which goes through double precision, and as accurate.
    /// exp(0) is exactly 1. Inlined into the row loop, so its constants stay in registers across a row and no vector
    /// is passed through memory per call (not inlined, it was about half of an evaluation's CPU time).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Exp(Vector256<float> x)
    {
        var tooSmall = Vector256.LessThan(x, Vector256.Create(-87.33654f));
        x = Vector256.Max(x, Vector256.Create(-87.33654f));
        var n = Vector256.Round(x * Vector256.Create(1.44269504088896341f));
        var r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-0.693359375f), x);
        r = Vector256.FusedMultiplyAdd(n, Vector256.Create(2.12194440e-4f), r);
        var p = Vector256.Create(1.9875691500e-4f);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.3981999507e-3f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(8.3334519073e-3f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(4.1665795894e-2f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.6666665459e-1f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(5.0000001201e-1f));
        p = Vector256.FusedMultiplyAdd(p * r, r, r) + Vector256<float>.One;
        var scale = Vector256.ShiftLeft(Vector256.ConvertToInt32(n) + Vector256.Create(127), 23).AsSingle();
        return Vector256.ConditionalSelect(tooSmall, Vector256<float>.Zero, p * scale);
    }

    private static float HorizontalMax(Vector256<float> vector)
    {
        var half = Vector128.Max(vector.GetLower(), vector.GetUpper());
        var quarter = Vector128.Max(half, Vector128.Shuffle(half, Vector128.Create(2, 3, 0, 1)));
        return Math.Max(quarter.ToScalar(), quarter.GetElement(1));
    }

    /// <summary>The first index whose value equals <paramref name="target"/>'s lanes; the value is known to be present.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int FirstEqual(ref float values, nuint lastBlock, Vector256<float> target)
    {
        for (nuint c = 0; c < lastBlock; c += (nuint)Vector256<float>.Count)
        {
            var mask = Vector256.Equals(Vector256.LoadUnsafe(ref values, c), target).ExtractMostSignificantBits();
            if (mask != 0)
            {
                return (int)c + System.Numerics.BitOperations.TrailingZeroCount(mask);
            }
        }

        var tail = Vector256.Equals(Vector256.LoadUnsafe(ref values, lastBlock), target).ExtractMostSignificantBits();
        return (int)lastBlock + System.Numerics.BitOperations.TrailingZeroCount(tail);
    }

    /// <summary>Softmax of one row of logits scaled by <paramref name="scale"/>, in double precision.</summary>
    /// <param name="logits">One sample's logits.</param>
    /// <param name="scale">Multiplier applied to the logits (1 / temperature).</param>
    /// <param name="destination">Receives the probabilities; same length as <paramref name="logits"/>.</param>
    public static void SoftmaxRow(ReadOnlySpan<float> logits, double scale, Span<double> destination)
    {
        if (destination.Length != logits.Length)
        {
            throw new ArgumentException("Destination length must match the logits.", nameof(destination));
        }

        var max = double.NegativeInfinity;
        foreach (var z in logits)
        {
            max = Math.Max(max, scale * z);
        }

        var sum = 0.0;
        for (var c = 0; c < logits.Length; c++)
        {
            destination[c] = Math.Exp((scale * logits[c]) - max);
            sum += destination[c];
        }

        for (var c = 0; c < logits.Length; c++)
        {
            destination[c] /= sum;
        }
    }

    /// <summary>log Σ_c exp(v_c), stable for any finite input (the largest value is taken out first).</summary>
    /// <param name="values">Values, for example one row of logits in double precision.</param>
    /// <returns>The log-sum-exp; −∞ for an empty span.</returns>
    public static double LogSumExp(ReadOnlySpan<double> values)
    {
        var max = double.NegativeInfinity;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        var sum = 0.0;
        foreach (var v in values)
        {
            sum += Math.Exp(v - max);
        }

        return max + Math.Log(sum);
    }

    /// <summary>log Σ_c exp(z_c) of one row of single-precision logits, accumulated in double precision.</summary>
    /// <param name="logits">One sample's logits, finite.</param>
    /// <returns>The log-sum-exp; −∞ for an empty row.</returns>
    public static double LogSumExp(ReadOnlySpan<float> logits)
    {
        if (logits.Length == 0)
        {
            return double.NegativeInfinity;
        }

        double max = logits[ArgMax(logits)];
        var sum = 0.0;
        foreach (var z in logits)
        {
            sum += Math.Exp(z - max);
        }

        return max + Math.Log(sum);
    }
}
