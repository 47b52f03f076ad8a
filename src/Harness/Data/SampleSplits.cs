using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EarlyExitBench.Harness.Data;

/// <summary>
/// The sample ids of a cell's three splits, hashed (<see cref="SplitIds"/>), and how many ids the data the model and its
/// calibrators see (train and validation) shares with the test set: zero for every split eebench makes.
/// </summary>
/// <param name="Splits">Train, validation and test, in that order.</param>
/// <param name="SharedWithTest">Ids of train or validation that are also test ids.</param>
public sealed record SampleSplits(IReadOnlyList<SplitIds> Splits, int SharedWithTest)
{
    /// <summary>The record of a split whose train and validation samples are <paramref name="train"/> and <paramref name="validation"/> indices of the training pool and whose test samples are <paramref name="test"/> indices of the test pool.</summary>
    public static SampleSplits Of(int[] train, int[] validation, int[] test)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(test);
        var ids = new[] { ("train", "train", train), ("validation", "train", validation), ("test", "test", test) };
        var testIds = test.Select(i => Id("test", i)).ToHashSet(StringComparer.Ordinal);
        var shared = train.Concat(validation).Count(i => testIds.Contains(Id("train", i)));
        return new SampleSplits(ids.Select(s => new SplitIds(s.Item1, s.Item2, s.Item3.Length, Hash(s.Item2, s.Item3))).ToList(), shared);
    }

    private static string Id(string pool, int index) => pool + ":" + index.ToString(CultureInfo.InvariantCulture);

    private static string Hash(string pool, int[] indices)
    {
        var text = new StringBuilder();
        foreach (var index in indices.Order())
        {
            text.Append(Id(pool, index)).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
