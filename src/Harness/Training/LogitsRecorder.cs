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

        // A streamed set's next batches are decoded while the model runs on this one; an in-memory set is sliced as before.
        using var prefetched = set.Reader is null ? null : BatchPrefetcher.Batches(set, indices, batchSize).GetEnumerator();
        for (var start = 0; start < set.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var count = Math.Min(batchSize, set.Count - start);
            var (x, _) = prefetched is not null && prefetched.MoveNext()
                ? Batches.Make(prefetched.Current, All(count), device)
                : Batches.Make(set, indices.AsSpan(start, count), device);
            var logits = model.forward(x);
            for (var k = 0; k < exits; k++)
            {
                var chunk = logits[k].to(CPU).contiguous().data<float>().ToArray();
                chunk.CopyTo(values[k], start * classes);
            }
        }

        return values.Select(v => new ClassMatrix(v, set.Count, classes)).ToList();
    }

    private static int[] All(int count) => Enumerable.Range(0, count).ToArray();
}
