using CsCheck;
using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Tests.Evaluation;

public class RadixSortTests
{
    [Fact]
    public void SortsLikeArraySortAndKeepsTiesInInputOrder()
        => Gen.Select(Gen.Int[0, 3000], Gen.Int[1, 40], Gen.Int).Sample((n, distinct, seed) =>
        {
            // Few distinct values (many ties), signed zeros, infinities and tiny magnitudes.
            var random = new Random(seed);
            double[] pool = [.. Enumerable.Range(0, distinct).Select(_ => random.Next(8) switch
            {
                0 => -0.0,
                1 => double.NegativeInfinity,
                2 => double.PositiveInfinity,
                3 => double.Epsilon * random.Next(1, 5),
                4 => -random.NextDouble() * 1e300,
                _ => (random.NextDouble() - 0.5) * 10,
            })];
            var original = Enumerable.Range(0, n).Select(_ => pool[random.Next(pool.Length)]).ToArray();
            var keys = original.ToArray();
            var items = Enumerable.Range(0, n).ToArray();

            RadixSort.Sort(keys, items);

            var expected = original.Select(v => v + 0.0).Order().ToArray();
            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), keys.Select(BitConverter.DoubleToInt64Bits));
            for (var j = 0; j < n; j++)
            {
                Assert.Equal(original[items[j]] + 0.0, keys[j]);
                if (n >= 512 && j > 0 && keys[j] == keys[j - 1])
                {
                    Assert.True(items[j] > items[j - 1], "a stable sort keeps equal keys in input order");
                }
            }
        }, iter: 200);

    [Fact]
    public void TheSmallestRadixSortedInputIsStableToo()
    {
        // 512 keys is the first size the radix passes sort (below it Array.Sort, which does not promise stability).
        // Four distinct keys, so every key has over a hundred ties.
        var original = Enumerable.Range(0, 512).Select(i => (double)((i * 7) % 4)).ToArray();
        var keys = original.ToArray();
        var items = Enumerable.Range(0, 512).ToArray();

        RadixSort.Sort(keys, items);

        var expected = Enumerable.Range(0, 512).OrderBy(i => original[i]).ToArray(); // LINQ's OrderBy is stable
        Assert.Equal(expected, items);
    }
}
