namespace EarlyExitBench.Contracts;

/// <summary>
/// What an exit policy may look at: per exit, scores and predictions; labels only for validation. Read-only: the host
/// hands each call its own copies, so a policy cannot change what later methods or the measurement read.
/// </summary>
/// <param name="ValidationScores">Per exit, the confidence score of each validation sample.</param>
/// <param name="ValidationPredictions">Per exit, the predicted class of each validation sample.</param>
/// <param name="ValidationLabels">Validation labels.</param>
/// <param name="TestScores">Per exit, the confidence score of each test sample.</param>
/// <param name="TestPredictions">Per exit, the predicted class of each test sample.</param>
/// <param name="ExitCosts">Cumulative cost to reach each exit (FLOPs), exit 0 first.</param>
public sealed record ExitPolicyInput(
    IReadOnlyList<ReadOnlyMemory<double>> ValidationScores,
    IReadOnlyList<ReadOnlyMemory<int>> ValidationPredictions,
    ReadOnlyMemory<int> ValidationLabels,
    IReadOnlyList<ReadOnlyMemory<double>> TestScores,
    IReadOnlyList<ReadOnlyMemory<int>> TestPredictions,
    ReadOnlyMemory<double> ExitCosts);
