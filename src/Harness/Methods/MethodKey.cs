namespace EarlyExitBench.Harness.Methods;

/// <summary>What names one method of a cell: its calibrator, failure predictor and exit policy, by label.</summary>
/// <param name="Calibrator">Calibrator label.</param>
/// <param name="FailurePredictor">Failure predictor label.</param>
/// <param name="ExitPolicy">Exit policy label (<see cref="GlobalThresholdPolicy.Alias"/> for the built-in sweep).</param>
public sealed record MethodKey(string Calibrator, string FailurePredictor, string ExitPolicy)
{
    /// <summary>Whether the policy is the built-in global threshold, which every (calibrator, failure predictor) has.</summary>
    public bool IsGlobalThreshold => GlobalThresholdPolicy.Names(ExitPolicy);

    /// <summary>The global-threshold method of a (calibrator, failure predictor).</summary>
    /// <param name="calibrator">Calibrator label.</param>
    /// <param name="failurePredictor">Failure predictor label.</param>
    public static MethodKey GlobalThreshold(string calibrator, string failurePredictor) => new(calibrator, failurePredictor, GlobalThresholdPolicy.Alias);

    /// <summary><c>calibrator+predictor</c>, then <c>/policy</c> when it is not the global threshold.</summary>
    public override string ToString() => IsGlobalThreshold ? $"{Calibrator}+{FailurePredictor}" : $"{Calibrator}+{FailurePredictor}/{ExitPolicy}";
}
