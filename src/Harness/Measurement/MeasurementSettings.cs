namespace EarlyExitBench.Harness.Measurement;

/// <summary>How wall-clock measurements are taken; the defaults suit a CPU laptop and a small CNN.</summary>
public sealed record MeasurementSettings
{
    /// <summary>Untimed runs before timing (JIT, allocator and oneDNN primitive caches warm up).</summary>
    public int WarmupRepeats { get; init; } = 3;

    /// <summary>Timed repeats taken before the stopping rule is checked.</summary>
    public int MinRepeats { get; init; } = 5;

    /// <summary>Timed repeats at most.</summary>
    public int MaxRepeats { get; init; } = 200;

    /// <summary>Stop once IQR / median is at most this.</summary>
    public double TargetRelativeIqr { get; init; } = 0.05;

    /// <summary>Stop after this many seconds of timed repeats even if the IQR is still wide (reported as not converged).</summary>
    public double MaxSecondsPerMeasurement { get; init; } = 3;

    /// <summary>Operations are batched into repeats of at least this many milliseconds, so the clock's resolution and call overhead do not dominate.</summary>
    public double MinRepeatMilliseconds { get; init; } = 5;

    /// <summary>Batch sizes measured; 1 is per-sample inference.</summary>
    public IReadOnlyList<int> BatchSizes { get; init; } = [1, 64];

    /// <summary>The first this many test samples are used for the threshold timings (the whole set if smaller).</summary>
    public int Samples { get; init; } = 512;

    /// <summary>The defaults.</summary>
    public static MeasurementSettings Default { get; } = new();

    /// <summary>Throws unless every setting is usable.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(WarmupRepeats);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MinRepeats);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRepeats, MinRepeats);
        ArgumentOutOfRangeException.ThrowIfNegative(TargetRelativeIqr);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxSecondsPerMeasurement);
        ArgumentOutOfRangeException.ThrowIfNegative(MinRepeatMilliseconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Samples);
        ArgumentNullException.ThrowIfNull(BatchSizes);
        if (BatchSizes.Count == 0 || BatchSizes.Any(b => b <= 0))
        {
            throw new ArgumentException("BatchSizes must list at least one positive batch size.", nameof(BatchSizes));
        }
    }
}
