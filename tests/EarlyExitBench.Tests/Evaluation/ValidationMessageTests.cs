using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Tests.Evaluation;

/// <summary>Every input check of the sweep and the evaluator, with the message a user sees.</summary>
public class ValidationMessageTests
{
    private static readonly ClassMatrix Two = TestData.Matrix([[0.9f, 0.1f], [0.6f, 0.4f]]);

    private static void Rejects(string message, string parameter, Action action)
    {
        var error = Assert.ThrowsAny<ArgumentException>(action);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void TheSweepNamesWhatIsWrong()
    {
        Rejects("At least one exit is required.", "exitCosts", () => ExitSweep.Sweep([], [], []));
        Rejects("Expected 2 exits of scores and correctness, got 1 and 2.", "scores", () => ExitSweep.Sweep([[0.1]], [[true], [true]], [1, 2]));
        Rejects("Expected 2 exits of scores and correctness, got 2 and 1.", "scores", () => ExitSweep.Sweep([[0.1], [0.2]], [[true]], [1, 2]));
        Rejects("At least one sample is required.", "correct", () => ExitSweep.Sweep([[]], [[]], [1]));
        Rejects("Exit 1 has 2 correctness values; expected 1.", "correct", () => ExitSweep.Sweep([[0.1], [0.2]], [[true], [true, false]], [1, 2]));
        Rejects("Exit 1 has 2 scores; expected 1.", "scores", () => ExitSweep.Sweep([[0.1], [0.2, 0.3]], [[true], [true]], [1, 2]));
        Rejects("Exit 0 has a score of NaN; scores must not be NaN or +∞.", "scores", () => ExitSweep.Sweep([[double.NaN], [0]], [[true], [true]], [1, 2]));
        Rejects($"Exit 1 has a score of {double.PositiveInfinity}; scores must not be NaN or +∞.", "scores", () => ExitSweep.Sweep([[0], [double.PositiveInfinity]], [[true], [true]], [1, 2]));

        const string costs = "Exit costs must be finite, strictly positive and nondecreasing.";
        Rejects(costs, "exitCosts", () => ExitSweep.Sweep([[0.1], [0]], [[true], [true]], [1, double.PositiveInfinity]));
        Rejects(costs, "exitCosts", () => ExitSweep.Sweep([[0.1], [0]], [[true], [true]], [-1, 2]));
        Rejects(costs, "exitCosts", () => ExitSweep.Sweep([[0.1], [0]], [[true], [true]], [double.NaN, 2]));
        Rejects(costs, "exitCosts", () => ExitSweep.Sweep([[0.1], [0]], [[true], [true]], [2, 1.5]));

        // −∞ scores and equal costs are allowed.
        Assert.Equal(2, ExitSweep.Sweep([[double.NegativeInfinity], [0]], [[true], [true]], [1, 1]).Count);
    }

    [Fact]
    public void TheEvaluatorNamesWhatIsWrong()
    {
        Rejects("At least one exit and one sample are required.", "input", () => MethodEvaluator.Evaluate(new EvaluationInput([], [], [0], [])));
        Rejects("At least one exit and one sample are required.", "input", () => MethodEvaluator.Evaluate(new EvaluationInput([Two], [[]], [], [1])));
        Rejects("Expected 1 exits of scores and costs, got 2 and 1.", "input", () => MethodEvaluator.Evaluate(new EvaluationInput([Two], [[0.1, 0.2], [0.1, 0.2]], [0, 1], [1])));
        Rejects("Expected 1 exits of scores and costs, got 1 and 2.", "input", () => MethodEvaluator.Evaluate(new EvaluationInput([Two], [[0.1, 0.2]], [0, 1], [1, 2])));

        var outputs = ExitOutputs.Compute(Two, [0, 1], 15);
        Rejects("Expected 1 exits of outputs for 2 samples.", "input", () => MethodEvaluator.Evaluate(new EvaluationInput([Two], [[0.1, 0.2]], [0, 1], [1], Outputs: [outputs, outputs])));
        var oneSample = ExitOutputs.Compute(TestData.Matrix([[0.9f, 0.1f]]), [0], 15);
        Rejects("Expected 1 exits of outputs for 2 samples.", "input", () => MethodEvaluator.Evaluate(new EvaluationInput([Two], [[0.1, 0.2]], [0, 1], [1], Outputs: [oneSample])));

        Rejects("Expected 1 exits of scores before calibration, got 2.", "input", () => MethodEvaluator.Evaluate(new EvaluationInput([Two], [[0.1, 0.2]], [0, 1], [1], [[0.1, 0.2], [0.1, 0.2]])));
        Rejects("Exit 0 has 1 scores before calibration; expected 2.", "input", () => MethodEvaluator.Evaluate(new EvaluationInput([Two], [[0.1, 0.2]], [0, 1], [1], [[0.1]])));
        Rejects("Exit 0 has a NaN score before calibration.", "input", () => MethodEvaluator.Evaluate(new EvaluationInput([Two], [[0.1, 0.2]], [0, 1], [1], [[0.1, double.NaN]])));

        var three = TestData.Matrix([[0.8f, 0.1f, 0.1f], [0.6f, 0.3f, 0.1f]]);
        Rejects("Exit 1 probabilities are 2×3; expected 2×2.", "input", () => MethodEvaluator.Evaluate(new EvaluationInput([Two, three], [[0.1, 0.2], [0.1, 0.2]], [0, 1], [1, 2])));
        Rejects("Exit 0 probabilities are 1×2; expected 2×2.", "input", () => MethodEvaluator.Evaluate(new EvaluationInput([TestData.Matrix([[0.9f, 0.1f]])], [[0.1, 0.2]], [0, 1], [1])));
        Rejects("Label 2 is outside [0, 2).", "input", () => MethodEvaluator.Evaluate(new EvaluationInput([Two], [[0.1, 0.2]], [0, 2], [1])));
        Rejects("Label -1 is outside [0, 2).", "input", () => MethodEvaluator.Evaluate(new EvaluationInput([Two], [[0.1, 0.2]], [-1, 1], [1])));

        // The calibrated logits, when given, are the matrices checked (and the probabilities are not read).
        var result = MethodEvaluator.Evaluate(new EvaluationInput([], [[0.1, 0.2]], [0, 0], [1], CalibratedLogits: [TestData.Matrix([[2f, 0f], [0f, 1f]])]));
        Assert.Equal(0.5, result.PerExit[0].Accuracy);
    }
}
