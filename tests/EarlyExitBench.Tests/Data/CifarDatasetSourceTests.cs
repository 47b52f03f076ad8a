using EarlyExitBench.Harness.Data;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Data;

/// <summary>CIFAR files written in the exact binary format, read back through the registered dataset sources.</summary>
public class CifarDatasetSourceTests
{
    private const int Plane = 32 * 32;

    // A byte that differs by sample, channel, row and column, so any transposition or offset shows.
    private static byte Pixel(int sample, int channel, int row, int column) => (byte)((sample * 31) + (channel * 101) + (row * 7) + (column * 3));

    private static byte[] Records(int firstSample, int count, Func<int, byte[]> labelBytes)
    {
        using var stream = new MemoryStream();
        for (var i = firstSample; i < firstSample + count; i++)
        {
            stream.Write(labelBytes(i));
            for (var c = 0; c < 3; c++)
            {
                for (var r = 0; r < 32; r++)
                {
                    for (var x = 0; x < 32; x++)
                    {
                        stream.WriteByte(Pixel(i, c, r, x));
                    }
                }
            }
        }

        return stream.ToArray();
    }

    private static CapturingRegistrar Registrar()
    {
        var registrar = new CapturingRegistrar();
        BuiltInDatasets.Register(registrar);
        return registrar;
    }

    [Fact]
    public void Cifar10RoundTripsLabelsAndPixelOrderFromTheArchiveSubfolder()
    {
        var parent = TestPaths.TempDirectory();
        var folder = Directory.CreateDirectory(Path.Combine(parent, "cifar-10-batches-bin")).FullName;
        for (var b = 1; b <= 5; b++)
        {
            File.WriteAllBytes(Path.Combine(folder, $"data_batch_{b}.bin"), Records((b - 1) * 3, 3, i => [(byte)(i % 10)]));
        }

        File.WriteAllBytes(Path.Combine(folder, "test_batch.bin"), Records(100, 2, i => [(byte)((i + 5) % 10)]));

        var splits = Registrar().Dataset("cifar10", parent).Load(CancellationToken.None);

        Assert.Equal(new EarlyExitBench.Contracts.InputSpec(3, 32, 32, 10), splits.Train.Input);
        Assert.Equal(Enumerable.Range(0, 15).Select(i => i % 10), splits.Train.Labels);
        Assert.Equal([5, 6], splits.Test.Labels);
        foreach (var (set, first) in new[] { (splits.Train, 0), (splits.Test, 100) })
        {
            for (var i = 0; i < set.Count; i++)
            {
                foreach (var (c, r, x) in new[] { (0, 0, 0), (0, 0, 31), (1, 5, 9), (2, 31, 30) })
                {
                    Assert.Equal(Pixel(first + i, c, r, x), set.Pixels[(i * 3 * Plane) + (c * Plane) + (r * 32) + x]);
                }
            }
        }
    }

    [Fact]
    public void Cifar100UsesTheFineLabelOfEachRecord()
    {
        var folder = TestPaths.TempDirectory();
        File.WriteAllBytes(Path.Combine(folder, "train.bin"), Records(0, 4, i => [(byte)(i % 20), (byte)(90 + i)]));
        File.WriteAllBytes(Path.Combine(folder, "test.bin"), Records(50, 1, _ => [19, 42]));

        var splits = Registrar().Dataset("cifar100", folder).Load(CancellationToken.None);

        Assert.Equal([90, 91, 92, 93], splits.Train.Labels);
        Assert.Equal([42], splits.Test.Labels);
        Assert.Equal(100, splits.Test.Input.Classes);
        Assert.Equal(Pixel(3, 2, 17, 4), splits.Train.Pixels[(3 * 3 * Plane) + (2 * Plane) + (17 * 32) + 4]);
        Assert.Equal(Pixel(50, 1, 0, 0), splits.Test.Pixels[Plane]);
    }

    [Theory]
    [InlineData("cifar10", "data_batch_1.bin, data_batch_2.bin, data_batch_3.bin, data_batch_4.bin, data_batch_5.bin, test_batch.bin", "cifar-10-binary.tar.gz")]
    [InlineData("cifar100", "train.bin, test.bin", "cifar-100-binary.tar.gz")]
    public void AMissingFolderNamesTheDatasetTheFilesAndWhere(string alias, string files, string archive)
    {
        var missing = Path.Combine(TestPaths.TempDirectory(), "nowhere");

        var ex = Assert.Throws<InvalidDataException>(() => Registrar().Dataset(alias, missing).Load(CancellationToken.None));

        Assert.Equal(
            $"dataset '{alias}': expected {files} in {missing}, which does not exist; missing {files}. Run 'eebench data get {alias}' (or write 'download: true' on the suite's dataset), or extract the binary version ({archive}) and set options.path to the folder that holds them.",
            ex.Message);
    }

    [Fact]
    public void APartlyFilledFolderListsOnlyWhatIsMissing()
    {
        var folder = TestPaths.TempDirectory();
        File.WriteAllBytes(Path.Combine(folder, "train.bin"), Records(0, 1, _ => [0, 0]));

        var ex = Assert.Throws<InvalidDataException>(() => Registrar().Dataset("cifar100", folder).Load(CancellationToken.None));

        Assert.Contains($"in {folder} (or its cifar-100-binary/ subfolder); missing test.bin.", ex.Message, StringComparison.Ordinal);
    }
}
