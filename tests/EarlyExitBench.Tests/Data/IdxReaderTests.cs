using EarlyExitBench.Harness.Data;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Data;

public class IdxReaderTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ReadsWhatWasWritten(bool gzip)
    {
        var dir = TestPaths.TempDirectory();
        var pixels = Enumerable.Range(0, 2 * 3 * 4).Select(i => (byte)(i * 7)).ToArray();
        SyntheticIdx.Save(Path.Combine(dir, "img"), SyntheticIdx.ImagesFile(pixels, 2, 3, 4), gzip);
        SyntheticIdx.Save(Path.Combine(dir, "lab"), SyntheticIdx.LabelsFile([3, 9]), gzip);
        var suffix = gzip ? ".gz" : string.Empty;

        var (read, count, rows, columns) = IdxReader.ReadImages(Path.Combine(dir, "img" + suffix));
        var labels = IdxReader.ReadLabels(Path.Combine(dir, "lab" + suffix), 10);

        Assert.Equal((2, 3, 4), (count, rows, columns));
        Assert.Equal(pixels, read);
        Assert.Equal([3, 9], labels);
    }

    [Fact]
    public void TruncatedImagesNameTheFileAndTheShortfall()
    {
        var dir = TestPaths.TempDirectory();
        var bytes = SyntheticIdx.ImagesFile(new byte[2 * 28 * 28], 2);
        var path = Path.Combine(dir, "train-images-idx3-ubyte");
        File.WriteAllBytes(path, bytes[..^100]);

        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.StartsWith(path + ": truncated", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2 images of 28×28", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongMagicIsReported()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "labels");
        File.WriteAllBytes(path, SyntheticIdx.ImagesFile(new byte[4], 1, 2, 2));

        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(path, 10));

        Assert.Contains("magic number 0x00000803 is not 0x00000801", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelOutOfRangeIsReported()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "labels");
        File.WriteAllBytes(path, SyntheticIdx.LabelsFile([1, 2, 12]));

        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(path, 10));

        Assert.Contains("label 12 at index 2 is outside 0..9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CorruptGzipIsReported()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "train-images-idx3-ubyte.gz");
        File.WriteAllBytes(path, [0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7]);

        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.StartsWith(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DatasetSourceReadsAFolderAndSplitsDeterministically()
    {
        var dir = SyntheticIdx.Write(TestPaths.TempDirectory(), train: 300, test: 50);
        var registrar = new CapturingRegistrar();
        BuiltInDatasets.Register(registrar);
        var splits = registrar.Dataset("mnist", dir).Load(CancellationToken.None);

        var a = DataSplit.Create(splits, validationSize: 60, trainLimit: 200, testLimit: 40, seed: 3);
        var b = DataSplit.Create(splits, validationSize: 60, trainLimit: 200, testLimit: 40, seed: 3);
        var c = DataSplit.Create(splits, validationSize: 60, trainLimit: null, testLimit: null, seed: 4);

        Assert.Equal((200, 60, 40), (a.Train.Count, a.Validation.Count, a.Test.Count));
        Assert.Equal(a.Validation.Labels, b.Validation.Labels);
        Assert.Equal(a.Train.Pixels, b.Train.Pixels);
        Assert.NotEqual(a.Validation.Pixels, c.Validation.Pixels);
        Assert.Equal((240, 60, 50), (c.Train.Count, c.Validation.Count, c.Test.Count));
        Assert.Equal(16, splits.ContentId.Length);
    }

    [Fact]
    public void MissingFolderSaysHowToGetTheData()
    {
        var registrar = new CapturingRegistrar();
        BuiltInDatasets.Register(registrar);

        var ex = Assert.Throws<InvalidDataException>(() => registrar.Dataset("fashion-mnist", "/nonexistent/fmnist").Load(CancellationToken.None));

        Assert.Contains("/nonexistent/fmnist", ex.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install dataset-fashion-mnist", ex.Message, StringComparison.Ordinal);
    }
}
