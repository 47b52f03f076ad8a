using System.Collections.Concurrent;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Training;

/// <summary>
/// For a streamed <see cref="ImageSet"/> (one with a <see cref="ImageSet.Reader"/>): decodes the next batches on a
/// background task while the model works on the current one, at most <see cref="Depth"/> batches ahead, so memory holds a
/// fixed number of batches whatever the number of images. Batches come back in order, as in-memory sets; the bytes are
/// those <see cref="ImageSet.CopyImages"/> gives, so results equal the unstreamed path's.
/// </summary>
public static class BatchPrefetcher
{
    /// <summary>Decoded batches waiting for the model, besides the one being decoded.</summary>
    public const int Depth = 2;

    /// <summary>
    /// The batches <c>order[0..batchSize)</c>, <c>order[batchSize..2·batchSize)</c>, … of <paramref name="set"/> as in-memory
    /// sets, decoded ahead. Stopping the enumeration early stops the decoding.
    /// </summary>
    public static IEnumerable<ImageSet> Batches(ImageSet set, int[] order, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(order);
        var size = set.Input.Channels * set.Input.Height * set.Input.Width;
        using var queue = new BlockingCollection<ImageSet>(Depth);
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(() =>
        {
            try
            {
                for (var start = 0; start < order.Length && !stop.IsCancellationRequested; start += batchSize)
                {
                    var indices = order.AsSpan(start, Math.Min(batchSize, order.Length - start));
                    var pixels = new byte[indices.Length * size];
                    set.CopyImages(indices, pixels);
                    var labels = new int[indices.Length];
                    for (var i = 0; i < indices.Length; i++)
                    {
                        labels[i] = set.Labels[indices[i]];
                    }

                    queue.Add(set with { Pixels = pixels, Labels = labels, Reader = null }, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            finally
            {
                queue.CompleteAdding();
            }
        });
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable())
            {
                yield return batch;
            }

            producer.GetAwaiter().GetResult(); // a decoding error surfaces here, naming the file
        }
        finally
        {
            stop.Cancel();
            try
            {
                producer.Wait();
            }
            catch (AggregateException)
            {
                // Only when the consumer stopped early or already threw; the first error has been reported.
            }
        }
    }
}
