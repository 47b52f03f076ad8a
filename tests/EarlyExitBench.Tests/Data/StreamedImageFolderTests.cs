using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Training;
using EarlyExitBench.Tests.Support;
using SkiaSharp;

namespace EarlyExitBench.Tests.Data;

/// <summary>
/// A streamed image folder (<c>stream: always</c>) gives the bytes, labels, splits and leaderboard of the in-memory one
/// (<c>stream: never</c>), while holding no decoded image; batches are decoded ahead in order.
/// </summary>
public class StreamedImageFolderTests
{
    private static IDatasetSource Source(string root, string stream, int resize = 12, int crop = 10)
    {
        var registrar = new CapturingRegistrar();
        BuiltInDatasets.Register(registrar);
        return registrar.Dataset("image-folder", new ImageFolderOptions { Path = root, Resize = resize, Crop = crop, Stream = stream });
    }

    /// <summary>Images of several sizes and both formats, so that resizing and cropping take different paths.</summary>
    private static string Folder(int perClass = 6)
    {
        var root = TestPaths.TempDirectory();
        var sizes = new[] { (12, 12), (16, 13), (13, 20), (25, 25) };
        for (var c = 0; c < 3; c++)
        {
            foreach (var split in new[] { "train", "val" })
            {
                for (var i = 0; i < (split == "train" ? perClass : 3); i++)
                {
                    var (w, h) = sizes[(i + c) % sizes.Length];
                    var format = i % 2 == 0 ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg;
                    var path = Path.Combine(root, split, $"class{c}", $"{i:D2}.{(format == SKEncodedImageFormat.Png ? "png" : "jpg")}");
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    using var bitmap = new SKBitmap(w, h, SKColorType.Rgba8888, SKAlphaType.Unpremul);
                    for (var y = 0; y < h; y++)
                    {
                        for (var x = 0; x < w; x++)
                        {
                            bitmap.SetPixel(x, y, new SKColor((byte)((x * 17) + (c * 60)), (byte)((y * 11) + (i * 9)), (byte)((x * y) + c)));
                        }
                    }

                    using var data = bitmap.Encode(format, 90);
                    File.WriteAllBytes(path, data.ToArray());
                }
            }
        }

        return root;
    }

    private static byte[] All(ImageSet set)
    {
        var bytes = new byte[set.Count * set.Input.Channels * set.Input.Height * set.Input.Width];
        set.CopyImages(Enumerable.Range(0, set.Count).ToArray(), bytes);
        return bytes;
    }

    [Fact]
    public void StreamedSplitsHoldNoImagesAndReadTheSameBytesAsInMemory()
    {
        var root = Folder();
        var memory = Source(root, "never").Load(CancellationToken.None);
        var streamed = Source(root, "always").Load(CancellationToken.None);

        Assert.Null(memory.Train.Reader);
        Assert.NotNull(streamed.Train.Reader);
        Assert.Empty(streamed.Train.Pixels);
        Assert.Empty(streamed.Test.Pixels);
        Assert.Equal(memory.ContentId, streamed.ContentId);
        Assert.Equal(memory.Train.Labels, streamed.Train.Labels);
        Assert.Equal(memory.Test.Labels, streamed.Test.Labels);
        Assert.Equal(memory.Train.Pixels, All(streamed.Train));
        Assert.Equal(memory.Test.Pixels, All(streamed.Test));

        var a = DataSplit.Create(memory, validationSize: 5, trainLimit: 9, testLimit: 7, seed: 11);
        var b = DataSplit.Create(streamed, validationSize: 5, trainLimit: 9, testLimit: 7, seed: 11);
        foreach (var (x, y) in new[] { (a.Train, b.Train), (a.Validation, b.Validation), (a.Test, b.Test) })
        {
            Assert.NotNull(y.Reader);
            Assert.Equal(x.Labels, y.Labels);
            Assert.Equal(x.Pixels, All(y));
        }
    }

    [Fact]
    public void PrefetchedBatchesComeInOrderWithTheSetsBytesAndStopEarlyCleanly()
    {
        var streamed = Source(Folder(), "always").Load(CancellationToken.None).Train;
        var order = Enumerable.Range(0, streamed.Count).Reverse().ToArray();

        var batches = BatchPrefetcher.Batches(streamed, order, batchSize: 4).ToList();

        Assert.Equal([4, 4, 4, 4, 2], batches.Select(b => b.Count));
        Assert.All(batches, b => Assert.Null(b.Reader));
        Assert.Equal(order.Select(i => streamed.Labels[i]), batches.SelectMany(b => b.Labels));
        var expected = new byte[order.Length * 300];
        streamed.CopyImages(order, expected);
        Assert.Equal(expected, batches.SelectMany(b => b.Pixels));
        Assert.Single(BatchPrefetcher.Batches(streamed, order, batchSize: 4).Take(1)); // leaving early stops the producer
    }

    [Fact]
    public void ABadFileInAStreamedBatchIsNamedWhenTheBatchIsRead()
    {
        var root = Folder(perClass: 2);
        var bad = Path.Combine(root, "train", "class1", "01.jpg");
        File.WriteAllText(bad, "not a jpeg");
        var streamed = Source(root, "always").Load(CancellationToken.None).Train;

        var ex = Assert.Throws<InvalidDataException>(() => BatchPrefetcher.Batches(streamed, Enumerable.Range(0, streamed.Count).ToArray(), 2).ToList());

        Assert.Contains(bad, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AutoStreamsOnlyWhatExceedsTheInMemoryLimit()
    {
        var splits = Source(Folder(perClass: 2), "auto").Load(CancellationToken.None);

        Assert.Null(splits.Train.Reader); // 6 images of 3×10×10 bytes: far below 1 GiB
        Assert.Throws<InvalidDataException>(() => Source(Folder(perClass: 1), "sometimes").Load(CancellationToken.None));
    }

    [Fact]
    public void ARunOnTheStreamedFolderGivesTheInMemoryRunsLeaderboard()
    {
        var root = Folder(perClass: 10);
        var dir = TestPaths.TempDirectory();
        string Leaderboard(string stream)
        {
            var suite = Path.Combine(dir, "suite.yaml"); // one path: the leaderboard names its suite
            File.WriteAllText(suite, $$$"""
                name: streamed
                seeds: [2]
                threads: 1
                datasets:
                  - alias: image-folder
                    options: { path: {{{root}}}, resize: 12, crop: 10, stream: {{{stream}}} }
                    validation_size: 8
                architectures: [{alias: branchy-lenet, options: {channels: [4, 8], head_grid: 2}}]
                training: { epochs: 2, batch_size: 4, learning_rate: 0.01, augment: crop-flip }
                calibrators: [identity, temperature]
                failure_predictors: [msp, margin]
                evaluation: { bootstrap: 10 }
                """);
            var (code, _, stderr) = InProcess.Run("run", suite, "--out", Path.Combine(dir, stream), "--cache", Path.Combine(dir, "cache-" + stream));
            Assert.True(code == 0, stderr);
            return Eebench.Deterministic(Path.Combine(dir, stream, "leaderboard.json")).Replace($"\"{stream}\"", "\"STREAM\"", StringComparison.Ordinal); // the option's value only, not prose that holds the word
        }

        Assert.Equal(Leaderboard("never"), Leaderboard("always"));
    }
}
