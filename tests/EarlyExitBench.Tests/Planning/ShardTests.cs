using EarlyExitBench.Harness.Planning;

namespace EarlyExitBench.Tests.Planning;

public class ShardTests
{
    private static List<Cell> Cells(params double[] costs) =>
        costs.Select((c, i) => new Cell(i, $"key{i:D2}", $"model{i}", "d", "a", "{}", "default", i, null, c)).ToList();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void EveryCellIsInExactlyOneShardAndEachShardKeepsPlanOrder(int count)
    {
        var cells = Cells(5, 1, 1, 9, 3, 3, 0, 2);

        var shards = Enumerable.Range(1, count).Select(i => new Shard(i, count).Select(cells)).ToList();

        Assert.Equal(cells.Select(c => c.Key).Order(), shards.SelectMany(s => s).Select(c => c.Key).Order());
        Assert.All(shards, s => Assert.Equal(s.OrderBy(c => c.Index), s));
    }

    [Fact]
    public void GreedyByCostBalancesTheShardsAsWorkedOutByHand()
    {
        // Largest first, each to the least-loaded shard, ties to the lower one:
        // 9→1 (9,0) 5→2 (9,5) 3→2 (9,8) 3→2 (9,11) 2→1 (11,11) 1→1 (12,11) 1→2 (12,12) 0→1.
        var cells = Cells(5, 1, 1, 9, 3, 3, 0, 2);

        var one = new Shard(1, 2).Select(cells).Select(c => c.EstimatedGflop).ToList();
        var two = new Shard(2, 2).Select(cells).Select(c => c.EstimatedGflop).ToList();

        Assert.Equal(12, one.Sum());
        Assert.Equal(12, two.Sum());
        Assert.Contains(9, one);
        Assert.Contains(5, two);
    }

    [Fact]
    public void EqualCostsSpreadOneCellPerShard()
    {
        var cells = Cells(4, 4, 4);

        Assert.All(Enumerable.Range(1, 3), i => Assert.Single(new Shard(i, 3).Select(cells)));
    }

    [Theory]
    [InlineData("2/3", 2, 3)]
    [InlineData("1/1", 1, 1)]
    public void ParsesIOverN(string text, int index, int count) => Assert.Equal(new Shard(index, count), Shard.Parse(text));

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("3")]
    [InlineData("a/b")]
    [InlineData("1/0")]
    [InlineData("-1/2")]
    public void RejectsAnythingElseSayingWhatItExpects(string text)
    {
        var error = Assert.Throws<FormatException>(() => Shard.Parse(text));
        Assert.Contains("i/n with 1 <= i <= n", error.Message, StringComparison.Ordinal);
    }
}
