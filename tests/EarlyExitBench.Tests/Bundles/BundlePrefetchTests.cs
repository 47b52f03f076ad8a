using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Bundles;

/// <summary>A bundle read started ahead of its cell: the same bundle or the same error as a read at the time, once.</summary>
public class BundlePrefetchTests
{
    private static LogitsBundle Sample(float testPoison = 0, float validationPoison = 0)
    {
        var random = new Random(3);
        ClassMatrix M(int n, float poison = 0)
        {
            var values = Enumerable.Range(0, n * 4).Select(_ => (float)random.NextDouble()).ToArray();
            if (poison != 0)
            {
                values[6] = poison;
            }

            return new ClassMatrix(values, n, 4);
        }

        return new LogitsBundle([M(6), M(6, validationPoison)], [0, 1, 2, 3, 0, 1], [M(5), M(5, testPoison)], [3, 2, 1, 0, 0], [1.0, 2.0], "toy", "two-exit");
    }

    private static string Written(LogitsBundle bundle, string name = "b.npz")
    {
        var path = Path.Combine(TestPaths.TempDirectory(), name);
        BundleFile.Write(path, bundle);
        return path;
    }

    [Fact]
    public void TheCellTakesWhatAReadAtTheTimeWouldGiveOnce()
    {
        var path = Written(Sample());
        var direct = BundleFile.Read(path);
        using var prefetch = BundlePrefetch.Start(path);

        // Another spelling of the same file is the same file; the second take reads anew.
        var taken = prefetch.Take(Path.Combine(Path.GetDirectoryName(path)!, ".", Path.GetFileName(path)));

        Assert.NotNull(taken);
        Assert.Null(prefetch.Take(path));
        Assert.Equal(direct.ValidationLabels, taken.ValidationLabels);
        Assert.Equal(direct.TestLabels, taken.TestLabels);
        Assert.Equal(direct.ExitCost, taken.ExitCost);
        for (var k = 0; k < 2; k++)
        {
            Assert.Equal(direct.ValidationLogits[k].Values.ToArray(), taken.ValidationLogits[k].Values.ToArray());
            Assert.Equal(direct.TestLogits[k].Values.ToArray(), taken.TestLogits[k].Values.ToArray());
        }
    }

    [Fact]
    public void AnotherFileIsNotTaken()
    {
        var path = Written(Sample());
        var other = Written(Sample(), "other.npz");
        using var prefetch = BundlePrefetch.Start(path);

        Assert.Null(prefetch.Take(other));
        Assert.NotNull(prefetch.Take(path));
    }

    [Fact]
    public void ABadBundleThrowsAtTheTakeWithTheErrorOfARead()
    {
        var path = Written(Sample(testPoison: float.PositiveInfinity));
        var expected = Assert.Throws<InvalidDataException>(() => BundleFile.Read(path)).Message;
        using var prefetch = BundlePrefetch.Start(path);

        var thrown = Assert.Throws<InvalidDataException>(() => prefetch.Take(path));

        Assert.Equal(expected, thrown.Message);
        Assert.Equal($"{path}: 'test_logits'[1, 1, 2] is Infinity (exit 2, sample index 1, class 2); logits must be finite", thrown.Message);
    }

    [Fact]
    public void AReadNobodyTookEndsWithItsDisposal()
    {
        var path = Written(Sample(testPoison: float.NaN));
        var prefetch = BundlePrefetch.Start(path);

        // The read fails (or is stopped) unobserved; disposing waits for it and throws nothing.
        prefetch.Dispose();

        Assert.Null(prefetch.Take(path));
    }

    [Fact]
    public void WhenBothLogitsArraysAreBadTheValidationOnesErrorIsReportedAsInFileOrder()
    {
        // The two arrays are read on two threads; the error is the one a read in file order meets first.
        var path = Written(Sample(testPoison: float.NaN, validationPoison: float.NegativeInfinity));

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var ex = Assert.Throws<InvalidDataException>(() => BundleFile.Read(path));
            Assert.Equal($"{path}: 'val_logits'[1, 1, 2] is -Infinity (exit 2, sample index 1, class 2); logits must be finite", ex.Message);
        }
    }
}
