using System.Globalization;

namespace EarlyExitBench.Harness.Planning;

/// <summary>Shard <see cref="Index"/> (1-based) of <see cref="Count"/>: a deterministic subset of a plan's cells.</summary>
/// <param name="Index">1-based shard number.</param>
/// <param name="Count">Number of shards.</param>
public sealed record Shard(int Index, int Count)
{
    /// <summary>Every cell.</summary>
    public static Shard All { get; } = new(1, 1);

    /// <summary>Parses <c>i/n</c> with 1 ≤ i ≤ n; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static Shard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < 1 || index < 1 || index > count)
        {
            throw new FormatException($"--shard must be i/n with 1 <= i <= n (e.g. 2/3), got '{text}'");
        }

        return new Shard(index, count);
    }

    /// <summary>
    /// The cells of this shard. Every cell of the plan is assigned, done or not, so shards on different machines agree
    /// whatever each has cached: largest estimated cost first (ties by key), each to the shard with the least cost so far
    /// (ties to the lower shard). The result keeps plan order.
    /// </summary>
    public IReadOnlyList<Cell> Select(IReadOnlyList<Cell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var load = new double[Count];
        var mine = new HashSet<int>();
        foreach (var cell in cells.OrderByDescending(c => c.EstimatedGflop).ThenBy(c => c.Key, StringComparer.Ordinal).ThenBy(c => c.Index))
        {
            var target = 0;
            for (var s = 1; s < Count; s++)
            {
                if (load[s] < load[target])
                {
                    target = s;
                }
            }

            // A cell of zero estimated cost still counts, so such cells spread round-robin rather than pile on shard 1.
            load[target] += Math.Max(cell.EstimatedGflop, 1e-9);
            if (target == Index - 1)
            {
                mine.Add(cell.Index);
            }
        }

        return cells.Where(c => mine.Contains(c.Index)).ToList();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Index}/{Count}";
}
