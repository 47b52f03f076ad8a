using EarlyExitBench.Harness.Data;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Data;

public class CifarReaderTests
{
    [Fact]
    public void ReadsCifar100FineLabelsAndPixels()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "train.bin");
        var record = new byte[2 + CifarReader.ImageBytes];
        record[0] = 3;   // coarse
        record[1] = 77;  // fine
        record[2] = 200; // first red pixel
        File.WriteAllBytes(path, [.. record, .. record]);

        var (pixels, labels) = CifarReader.Read([path], labelBytes: 2, classes: 100);

        Assert.Equal([77, 77], labels);
        Assert.Equal(2 * CifarReader.ImageBytes, pixels.Length);
        Assert.Equal(200, pixels[0]);
        Assert.Equal(200, pixels[CifarReader.ImageBytes]);
    }

    [Fact]
    public void PartialRecordIsReported()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "data_batch_1.bin");
        File.WriteAllBytes(path, new byte[1 + CifarReader.ImageBytes + 10]);

        var ex = Assert.Throws<InvalidDataException>(() => CifarReader.Read([path], 1, 10));

        Assert.StartsWith(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("not a whole number of 3073-byte records", ex.Message, StringComparison.Ordinal);
    }
}
