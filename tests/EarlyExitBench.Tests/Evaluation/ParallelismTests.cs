using System.Text.Json;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Evaluation;
using StoredJson = EarlyExitBench.Harness.Storage.Json;

namespace EarlyExitBench.Tests.Evaluation;

/// <summary>Exits and the sweep are evaluated in parallel; the numbers must not depend on how many threads did it.</summary>
public class ParallelismTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void OneThreadAndManyGiveByteIdenticalResults(bool fromLogits)
    {
        var random = new Random(7);
        const int exits = 5, n = 4000, classes = 12;
        var labels = Enumerable.Range(0, n).Select(_ => random.Next(classes)).ToArray();
        var logits = Enumerable.Range(0, exits).Select(k =>
        {
            var values = new float[n * classes];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (float)((random.NextDouble() * 4) + (i % classes == labels[i / classes] ? 0.6 * k : 0));
            }

            return new ClassMatrix(values, n, classes);
        }).ToList();
        var probabilities = logits.Select(l => Probabilities.Softmax(l)).ToList();
        var scores = logits.Select(l => Enumerable.Range(0, n).Select(i => Probabilities.MaxSoftmax(l.Row(i))).ToArray()).ToList();
        var before = scores.Select(s => s.Select(v => Math.Round(v, 3)).ToArray()).ToList();
        var input = new EvaluationInput(probabilities, scores, labels, [1, 2, 3, 5, 8], before, 15, fromLogits ? logits : null);

        var single = Serialize(MethodEvaluator.Evaluate(input, maxDegreeOfParallelism: 1));
        var many = Serialize(MethodEvaluator.Evaluate(input, maxDegreeOfParallelism: 8));
        var outputs = ExitOutputs.ForExits(fromLogits ? logits : probabilities, fromLogits, labels, 15, maxDegreeOfParallelism: 8);
        var shared = Serialize(MethodEvaluator.Evaluate(input with { Outputs = outputs }, maxDegreeOfParallelism: 8));

        Assert.Equal(single, many);
        Assert.Equal(single, shared);
    }

    private static string Serialize(MethodEvaluation evaluation) =>
        JsonSerializer.Serialize(evaluation, StoredJson.Options) + JsonSerializer.Serialize(evaluation.Sweep, StoredJson.Options);
}
