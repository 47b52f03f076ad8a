using EarlyExitBench.Contracts;

namespace TestPlugin.Hostile;

/// <summary>A fit that takes forever but stops when its token is cancelled, as a well-behaved long fit does.</summary>
internal sealed class HangsUntilCancelled : IFailurePredictor
{
    public IConfidenceScorer Fit(MultiExitOutputs validation, ReadOnlySpan<int> labels, CancellationToken cancellationToken)
    {
        cancellationToken.WaitHandle.WaitOne();
        cancellationToken.ThrowIfCancellationRequested();
        throw new InvalidOperationException("unreachable");
    }
}
