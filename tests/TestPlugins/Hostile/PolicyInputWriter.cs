using EarlyExitBench.Contracts;

namespace TestPlugin.Hostile;

/// <summary>
/// An exit policy that overwrites every array behind its input (scores and predictions 0, labels 0, costs 1) and the
/// lists holding them, then stops every sample at exit 0. Were the host to hand it the bundle's own arrays, later
/// methods and the measurement would read the spoilt values.
/// </summary>
internal sealed class PolicyInputWriter : IExitPolicy
{
    public IReadOnlyList<ExitAssignment> Assign(ExitPolicyInput input, CancellationToken cancellationToken)
    {
        var samples = input.TestScores[0].Length;
        foreach (var scores in input.ValidationScores.Concat(input.TestScores))
        {
            Overwrite.Memory(scores, 0.0);
        }

        foreach (var predictions in input.ValidationPredictions.Concat(input.TestPredictions))
        {
            Overwrite.Memory(predictions, 0);
        }

        Overwrite.Memory(input.ValidationLabels, 0);
        Overwrite.Memory(input.ExitCosts, 1.0);
        Overwrite.List(input.TestScores, ReadOnlyMemory<double>.Empty);
        Overwrite.List(input.TestPredictions, ReadOnlyMemory<int>.Empty);
        return [new ExitAssignment("all at exit 1", new int[samples])];
    }
}
