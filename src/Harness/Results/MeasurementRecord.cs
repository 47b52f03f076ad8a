namespace EarlyExitBench.Harness.Results;

/// <summary>Real dynamic inference of one method in one cell.</summary>
/// <param name="Cell">The cell's name.</param>
/// <param name="Calibrator">Calibrator label.</param>
/// <param name="FailurePredictor">Failure predictor label.</param>
/// <param name="Measurement">What was measured.</param>
public sealed record MeasurementRecord(string Cell, string Calibrator, string FailurePredictor, CellMeasurement Measurement)
{
    /// <summary>Every global-threshold method of the cell scored with this measurement's exit latencies as costs, per batch size.</summary>
    public IReadOnlyList<TimeCostScore> TimeCost { get; init; } = [];
}
