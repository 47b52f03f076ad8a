namespace EarlyExitBench.Harness.Training;

/// <summary>Where training is: batches done of total, and running loss and last-exit accuracy of the current epoch.</summary>
/// <param name="Done">Batches done, over all epochs.</param>
/// <param name="Total">Batches in all epochs.</param>
/// <param name="Loss">Running mean weighted loss of the current epoch.</param>
/// <param name="Accuracy">Running last-exit training accuracy of the current epoch.</param>
public readonly record struct TrainingProgress(int Done, int Total, double Loss, double Accuracy);
