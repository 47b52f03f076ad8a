using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Bundles;

public class BundleFileTests
{
    private static LogitsBundle Sample(float poison = 0)
    {
        var random = new Random(1);
        ClassMatrix M(int n) => new(Enumerable.Range(0, n * 3).Select(_ => (float)random.NextDouble()).ToArray(), n, 3);
        var test = M(4);
        if (poison != 0)
        {
            test = new ClassMatrix([.. test.Values[..5], poison, .. test.Values[6..]], 4, 3);
        }

        return new LogitsBundle([M(5), M(5)], [0, 1, 2, 0, 1], [M(4), test], [2, 2, 1, 0], [10.0, 25.5], "toy", "two-exit");
    }

    [Fact]
    public void RoundTripsExactly()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "b.npz");
        var bundle = Sample();

        BundleFile.Write(path, bundle);
        var read = BundleFile.Read(path);

        Assert.Equal(bundle.ValidationLabels, read.ValidationLabels);
        Assert.Equal(bundle.TestLabels, read.TestLabels);
        Assert.Equal(bundle.ExitCost, read.ExitCost);
        Assert.Equal(("toy", "two-exit"), (read.Dataset, read.Architecture));
        for (var k = 0; k < 2; k++)
        {
            Assert.Equal(bundle.TestLogits[k].Values.ToArray(), read.TestLogits[k].Values.ToArray());
            Assert.Equal(bundle.ValidationLogits[k].Values.ToArray(), read.ValidationLogits[k].Values.ToArray());
        }
    }

    [Fact]
    public void WritingTwiceGivesIdenticalBytes()
    {
        var dir = TestPaths.TempDirectory();
        BundleFile.Write(Path.Combine(dir, "a.npz"), Sample());
        BundleFile.Write(Path.Combine(dir, "b.npz"), Sample());

        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "a.npz")), File.ReadAllBytes(Path.Combine(dir, "b.npz")));
    }

    [Fact]
    public void NonFiniteLogitsNameTheArrayAndPosition()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "nan.npz");
        BundleFile.Write(path, Sample(float.NaN));

        var ex = Assert.Throws<InvalidDataException>(() => BundleFile.Read(path));

        Assert.Equal($"{path}: 'test_logits'[1, 1, 2] is NaN (exit 2, sample index 1, class 2); logits must be finite", ex.Message);
    }

    [Fact]
    public void LabelOutsideTheClassesNamesTheArray()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "label.npz");
        BundleFile.Write(path, Sample() with { TestLabels = [0, 1, 3, 0] });

        var ex = Assert.Throws<InvalidDataException>(() => BundleFile.Read(path));

        Assert.Contains("'test_labels'[2] = 3 is outside 0..2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingAndMisshapenArraysAreNamed()
    {
        var dir = TestPaths.TempDirectory();
        var good = Path.Combine(dir, "good.npz");
        BundleFile.Write(good, Sample());
        var arrays = Npz.Read(good);

        var missing = Path.Combine(dir, "missing.npz");
        Npz.Write(missing, arrays.Where(a => a.Key != "exit_cost").Select(a => (a.Key, a.Value)));
        Assert.Contains("array 'exit_cost' is missing", Assert.Throws<InvalidDataException>(() => BundleFile.Read(missing)).Message, StringComparison.Ordinal);

        var shape = Path.Combine(dir, "shape.npz");
        Npz.Write(shape, arrays.Select(a => a.Key == "exit_cost" ? (a.Key, new NpyArray("<f8", [3], new byte[24])) : (a.Key, a.Value)));
        Assert.Contains("'exit_cost' must have shape [2]", Assert.Throws<InvalidDataException>(() => BundleFile.Read(shape)).Message, StringComparison.Ordinal);

        var dtype = Path.Combine(dir, "dtype.npz");
        Npz.Write(dtype, arrays.Select(a => a.Key == "val_logits" ? (a.Key, new NpyArray("<i4", a.Value.Shape, a.Value.Data)) : (a.Key, a.Value)));
        Assert.Contains("'val_logits' must be float32", Assert.Throws<InvalidDataException>(() => BundleFile.Read(dtype)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotAZipIsReported()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "junk.npz");
        File.WriteAllText(path, "not a zip");

        var ex = Assert.Throws<InvalidDataException>(() => BundleFile.Read(path));

        Assert.StartsWith(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CorruptLogitsFailTheZipChecksum()
    {
        // Flip one bit inside test_logits' data: the file still parses, only the CRC-32 in the zip directory tells.
        var path = Path.Combine(TestPaths.TempDirectory(), "flipped.npz");
        var bundle = Sample();
        BundleFile.Write(path, bundle);
        var bytes = File.ReadAllBytes(path);
        var needle = System.Runtime.InteropServices.MemoryMarshal.AsBytes(bundle.TestLogits[1].Values).ToArray();
        var at = bytes.AsSpan().IndexOf(needle);
        Assert.True(at > 0);
        bytes[at + 5] ^= 0x10;
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<InvalidDataException>(() => BundleFile.Read(path));

        Assert.Equal($"{path}:test_logits: corrupt: its bytes do not match the CRC-32 in the zip directory", ex.Message);
    }

    [Fact]
    public void TheSummaryNeedsNoLogitsAndItsIdFollowsTheContent()
    {
        var dir = TestPaths.TempDirectory();
        BundleFile.Write(Path.Combine(dir, "a.npz"), Sample());
        BundleFile.Write(Path.Combine(dir, "b.npz"), Sample());
        BundleFile.Write(Path.Combine(dir, "c.npz"), Sample() with { TestLabels = [2, 2, 1, 1] });

        var a = BundleFile.ReadSummary(Path.Combine(dir, "a.npz"));

        Assert.Equal((2, 3, 4, 5), (a.Exits, a.Classes, a.TestLabels.Length, a.ValidationLabels.Length));
        Assert.Equal([10.0, 25.5], a.ExitCost);
        Assert.Equal(a.ContentId, BundleFile.ReadSummary(Path.Combine(dir, "b.npz")).ContentId);
        Assert.NotEqual(a.ContentId, BundleFile.ReadSummary(Path.Combine(dir, "c.npz")).ContentId);
    }
}
