using EarlyExitBench.Contracts;
using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Training;

/// <summary>One inference pass that records every exit's logits.</summary>
public static class LogitsRecorder
{
    /// <summary>Logits of every exit for every sample of <paramref name="set"/>, exit 0 first.</summary>
    public static IReadOnlyList<ClassMatrix> Record(MultiExitModule model, ImageSet set, Device device, int batchSize = 1000)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(set);
        model.eval();
        var exits = model.Stages.Count;
        var classes = set.Input.Classes;
        var values = Enumerable.Range(0, exits).Select(_ => new float[set.Count * classes]).ToArray();
        var indices = Enumerable.Range(0, set.Count).ToArray();
        using var noGrad = no_grad();
        for (var start = 0; start < set.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var count = Math.Min(batchSize, set.Count - start);
            var (x, _) = Batches.Make(set, indices.AsSpan(start, count), device);
            var logits = model.forward(x);
            for (var k = 0; k < exits; k++)
            {
                var chunk = logits[k].to(CPU).contiguous().data<float>().ToArray();
                chunk.CopyTo(values[k], start * classes);
            }
        }

        return values.Select(v => new ClassMatrix(v, set.Count, classes)).ToList();
    }
}
