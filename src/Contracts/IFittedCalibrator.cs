namespace EarlyExitBench.Contracts;

/// <summary>A calibrator fitted on one exit.</summary>
public interface IFittedCalibrator
{
    /// <summary>Fitted parameters worth reporting (for example <c>temperature</c>); may be empty.</summary>
    IReadOnlyDictionary<string, double> Parameters { get; }

    /// <summary>Maps logits to probabilities; each output row sums to 1.</summary>
    /// <param name="logits">Logits of the same exit it was fitted on.</param>
    /// <returns>A new matrix of probabilities with the same shape.</returns>
    ClassMatrix Apply(ClassMatrix logits);
}
