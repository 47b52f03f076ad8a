using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Tests.Evaluation;

public class LazyExitsTests
{
    [Fact]
    public void MakesEachExitOnceWhenFirstReadAndAgainAfterRelease()
    {
        var made = new List<int>();
        var exits = new LazyExits<string>(3, k =>
        {
            made.Add(k);
            return $"exit {k}";
        });

        Assert.Equal(3, exits.Count);
        Assert.Empty(made);
        Assert.Equal("exit 2", exits[2]);
        Assert.Equal("exit 2", exits[2]);
        Assert.Equal([2], made);

        Assert.Equal(["exit 0", "exit 1", "exit 2"], exits);
        Assert.Equal([2, 0, 1], made);

        exits.Release();
        Assert.Equal("exit 2", exits[2]);
        Assert.Equal("exit 1", exits[1]);
        Assert.Equal([2, 0, 1, 2, 1], made);

        // The non-generic enumerator gives the same values.
        Assert.Equal(["exit 0", "exit 1", "exit 2"], ((System.Collections.IEnumerable)exits).Cast<string>());
    }

    [Fact]
    public void RejectsANegativeCountAndANullFactory()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LazyExits<int>(-1, k => k));
        Assert.Throws<ArgumentNullException>(() => new LazyExits<int>(1, null!));
        Assert.Empty(new LazyExits<int>(0, k => k));
    }
}
