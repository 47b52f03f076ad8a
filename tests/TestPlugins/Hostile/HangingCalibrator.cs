using EarlyExitBench.Contracts;

namespace TestPlugin.Hostile;

/// <summary>A fit that never returns and never looks at its token, like a plugin stuck in a deadlock.</summary>
internal sealed class HangingCalibrator : ICalibrator
{
    public IFittedCalibrator Fit(ClassMatrix logits, ReadOnlySpan<int> labels, CancellationToken cancellationToken)
    {
        Thread.Sleep(Timeout.Infinite);
        throw new InvalidOperationException("unreachable");
    }
}
