using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Measurement;

/// <summary>
/// Times operations: warm-up, then timed repeats until IQR / median is small enough, a time cap or a repeat limit is
/// hit. On CUDA the device is synchronised before each clock read, so queued kernels are counted.
/// </summary>
public static class RepeatTimer
{
    /// <summary>Times <paramref name="operation"/>.</summary>
    /// <param name="operation">One operation; it must do the same work every call.</param>
    /// <param name="settings">Warm-up, repeat and stopping settings.</param>
    /// <param name="device">Device the operation runs on (synchronised when CUDA).</param>
    /// <param name="cancellationToken">Checked between repeats.</param>
    /// <returns>Milliseconds per operation.</returns>
    public static TimingStats Measure(Action operation, MeasurementSettings settings, Device device, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(device);
        settings.Validate();
        var perRepeat = WarmUp(operation, settings, device);
        var samples = new List<double>();
        var budget = Stopwatch.StartNew();
        var converged = false;
        while (samples.Count < settings.MaxRepeats)
        {
            cancellationToken.ThrowIfCancellationRequested();
            samples.Add(TimeRepeat(operation, perRepeat, device) / perRepeat);
            if (samples.Count < settings.MinRepeats)
            {
                continue;
            }

            converged = RelativeIqr(samples) <= settings.TargetRelativeIqr;
            if (converged || budget.Elapsed.TotalSeconds >= settings.MaxSecondsPerMeasurement)
            {
                break;
            }
        }

        return Stats(samples, perRepeat, converged);
    }

    /// <summary>
    /// Times <paramref name="candidate"/> against <paramref name="reference"/> with their repeats interleaved (the order
    /// alternating), so a machine that slows down or speeds up part-way affects both alike; stops on the spread of the
    /// per-repeat ratios.
    /// </summary>
    /// <param name="reference">The operation to compare with.</param>
    /// <param name="candidate">The operation compared.</param>
    /// <param name="settings">Warm-up, repeat and stopping settings; the time cap covers both operations.</param>
    /// <param name="device">Device the operations run on.</param>
    /// <param name="cancellationToken">Checked between repeats.</param>
    /// <returns>Both timings, and the median and relative IQR of candidate / reference over paired repeats.</returns>
    public static (TimingStats Reference, TimingStats Candidate, double RatioMedian, double RatioRelativeIqr) MeasurePaired(
        Action reference, Action candidate, MeasurementSettings settings, Device device, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(device);
        settings.Validate();
        var (perReference, perCandidate) = (WarmUp(reference, settings, device), WarmUp(candidate, settings, device));
        var (references, candidates, ratios) = (new List<double>(), new List<double>(), new List<double>());
        var budget = Stopwatch.StartNew();
        var converged = false;
        while (references.Count < settings.MaxRepeats)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double r, c;
            if (references.Count % 2 == 0)
            {
                r = TimeRepeat(reference, perReference, device) / perReference;
                c = TimeRepeat(candidate, perCandidate, device) / perCandidate;
            }
            else
            {
                c = TimeRepeat(candidate, perCandidate, device) / perCandidate;
                r = TimeRepeat(reference, perReference, device) / perReference;
            }

            references.Add(r);
            candidates.Add(c);
            if (r > 0)
            {
                // A repeat too short for the clock says nothing about the ratio.
                ratios.Add(c / r);
            }

            if (ratios.Count < settings.MinRepeats)
            {
                continue;
            }

            converged = RelativeIqr(ratios) <= settings.TargetRelativeIqr;
            if (converged || budget.Elapsed.TotalSeconds >= 2 * settings.MaxSecondsPerMeasurement)
            {
                break;
            }
        }

        var (ratio, spread) = ratios.Count == 0 ? (double.NaN, double.NaN) : (Quartiles(ratios).Median, RelativeIqr(ratios));
        return (Stats(references, perReference, converged), Stats(candidates, perCandidate, converged), ratio, spread);
    }

    /// <summary>Quartiles by linear interpolation between order statistics (NumPy's default, type 7).</summary>
    /// <param name="values">At least one value.</param>
    /// <returns>Q1, median, Q3.</returns>
    public static (double Q1, double Median, double Q3) Quartiles(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("At least one value is required.", nameof(values));
        }

        var sorted = values.Order().ToArray();
        return (Quantile(sorted, 0.25), Quantile(sorted, 0.5), Quantile(sorted, 0.75));
    }

    /// <summary>Waits for queued CUDA work; CPU operations are synchronous.</summary>
    /// <param name="device">The device.</param>
    public static void Synchronize(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (device.type == DeviceType.CUDA)
        {
            cuda.synchronize(device);
        }
    }

    /// <summary>Untimed warm-up runs; returns how many operations make a repeat of at least the minimum length.</summary>
    private static int WarmUp(Action operation, MeasurementSettings settings, Device device)
    {
        // Garbage from earlier work should not be collected inside the timed repeats.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var pilot = double.PositiveInfinity;
        for (var i = 0; i < Math.Max(1, settings.WarmupRepeats); i++)
        {
            pilot = Math.Min(pilot, TimeRepeat(operation, 1, device));
        }

        // As BenchmarkDotNet's pilot stage: enough operations per repeat that one repeat is long enough to time.
        return (int)Math.Clamp(Math.Ceiling(settings.MinRepeatMilliseconds / Math.Max(pilot, 1e-6)), 1, 1_000_000);
    }

    private static TimingStats Stats(List<double> samples, int perRepeat, bool converged)
    {
        var (q1, median, q3) = Quartiles(samples);
        return new TimingStats(median, q1, q3, q3 - q1, median > 0 ? (q3 - q1) / median : 0, samples.Count, perRepeat, converged);
    }

    private static double RelativeIqr(List<double> samples)
    {
        var (q1, median, q3) = Quartiles(samples);
        return median > 0 ? (q3 - q1) / median : 0;
    }

    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    private static double TimeRepeat(Action operation, int count, Device device)
    {
        Synchronize(device);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            operation();
        }

        Synchronize(device);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
