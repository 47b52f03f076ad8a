using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Training;
using static TorchSharp.torch;

namespace EarlyExitBench.Tests.Training;

public class BatchesTests
{
    [Fact]
    public void GathersTheRowsAndNormalisesEveryByteExactly()
    {
        // Every byte value, in two 16×16 images, gathered in reverse order.
        var pixels = Enumerable.Range(0, 512).Select(i => (byte)(i % 256)).ToArray();
        var set = new ImageSet(pixels, [3, 7], new InputSpec(1, 16, 16, 10));
        using var scope = NewDisposeScope();

        var (images, labels) = Batches.Make(set, [1, 0], CPU);

        Assert.Equal(new long[] { 2, 1, 16, 16 }, images.shape);
        Assert.Equal([7L, 3L], labels.data<long>().ToArray());
        var values = images.data<float>().ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            var source = pixels[((1 - (i / 256)) * 256) + (i % 256)];
            Assert.Equal((source / 127.5f) - 1f, values[i]);
        }
    }
}
