using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Measurement;

/// <summary>
/// Times an operation: warm-up, then timed repeats until IQR / median is small enough, a time cap or a repeat limit is
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

        // Garbage from earlier work should not be collected inside the timed repeats.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var pilot = double.PositiveInfinity;
        for (var i = 0; i < Math.Max(1, settings.WarmupRepeats); i++)
        {
            pilot = Math.Min(pilot, TimeRepeat(operation, 1, device));
        }

        // As BenchmarkDotNet's pilot stage: enough operations per repeat that one repeat is long enough to time.
        var perRepeat = (int)Math.Clamp(Math.Ceiling(settings.MinRepeatMilliseconds / Math.Max(pilot, 1e-6)), 1, 1_000_000);
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

            var (q1, median, q3) = Quartiles(samples);
            if ((q3 - q1) <= settings.TargetRelativeIqr * median)
            {
                converged = true;
                break;
            }

            if (budget.Elapsed.TotalSeconds >= settings.MaxSecondsPerMeasurement)
            {
                break;
            }
        }

        var (lower, middle, upper) = Quartiles(samples);
        return new TimingStats(middle, lower, upper, upper - lower, middle > 0 ? (upper - lower) / middle : 0, samples.Count, perRepeat, converged);
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
}
