namespace EarlyExitBench.Contracts;

/// <summary>
/// An exit-policy kind: decides where each test sample stops, at one or more operating points.
/// The harness turns each point into (accuracy, cost) and builds the Pareto front from them.
/// </summary>
public interface IExitPolicy
{
    /// <summary>Fits on validation if needed and assigns test samples to exits.</summary>
    /// <param name="input">Scores and predictions of both splits.</param>
    /// <param name="cancellationToken">Cancels a long fit.</param>
    /// <returns>One assignment per operating point.</returns>
    IReadOnlyList<ExitAssignment> Assign(ExitPolicyInput input, CancellationToken cancellationToken);
}
