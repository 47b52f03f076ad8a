using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Suites;

namespace EarlyExitBench.Harness.Data;

/// <summary>Train, validation (carved from train) and test sets for one seed.</summary>
/// <param name="Train">Samples the model is trained on.</param>
/// <param name="Validation">The only samples calibrators, learned scores and thresholds may see.</param>
/// <param name="Test">Held-out evaluation samples.</param>
public sealed record DataSplit(ImageSet Train, ImageSet Validation, ImageSet Test)
{
    /// <summary>The hashed sample ids of the three splits; null for a split made elsewhere.</summary>
    public SampleSplits? Ids { get; init; }

    /// <summary>Splits <paramref name="splits"/> deterministically for <paramref name="seed"/>.</summary>
    public static DataSplit Create(DatasetSplits splits, int validationSize, int? trainLimit, int? testLimit, int seed)
    {
        ArgumentNullException.ThrowIfNull(splits);
        var n = splits.Train.Count;
        if (validationSize >= n)
        {
            throw new InvalidDataException($"validation_size {validationSize} leaves no training data ({splits.Name} has {n} training samples)");
        }

        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        var validation = order[..validationSize];
        var train = order[validationSize..];
        if (trainLimit is { } t && t < train.Length)
        {
            train = train[..t];
        }

        var test = Enumerable.Range(0, testLimit is { } l ? Math.Min(l, splits.Test.Count) : splits.Test.Count).ToArray();
        return new DataSplit(Take(splits.Train, train), Take(splits.Train, validation), Take(splits.Test, test)) { Ids = SampleSplits.Of(train, validation, test) };
    }

    /// <summary>
    /// Splits <paramref name="splits"/> for <paramref name="seed"/> as <paramref name="spec"/> says: validation from the
    /// training split (<c>train-split</c>), from the test split by a seeded shuffle with the test set the rest
    /// (<c>test-split</c>), or the test set itself (<c>test</c>, allowed only with <c>calibration_overlap: allowed</c>).
    /// </summary>
    public static DataSplit Create(DatasetSplits splits, DatasetSpec spec, int seed)
    {
        ArgumentNullException.ThrowIfNull(splits);
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Calibration == "train-split")
        {
            return Create(splits, spec.ValidationSize, spec.TrainLimit, spec.TestLimit, seed);
        }

        var train = Enumerable.Range(0, spec.TrainLimit is { } t ? Math.Min(t, splits.Train.Count) : splits.Train.Count).ToArray();
        if (spec.Calibration == "test")
        {
            var all = Enumerable.Range(0, spec.TestLimit is { } l ? Math.Min(l, splits.Test.Count) : splits.Test.Count).ToArray();
            return new DataSplit(Take(splits.Train, train), Take(splits.Test, all), Take(splits.Test, all));
        }

        var n = splits.Test.Count;
        if (spec.ValidationSize >= n)
        {
            throw new InvalidDataException($"validation_size {spec.ValidationSize} with calibration: test-split leaves no test data ({splits.Name} has {n} test samples)");
        }

        var order = Enumerable.Range(0, n).ToArray();
        new Random(spec.CalibrationSeed ?? seed).Shuffle(order);
        var validation = order[..spec.ValidationSize];
        var test = order[spec.ValidationSize..].Order().ToArray(); // the rest, in the split's own order
        if (spec.TestLimit is { } limit && limit < test.Length)
        {
            test = test[..limit];
        }

        return new DataSplit(Take(splits.Train, train), Take(splits.Test, validation), Take(splits.Test, test));
    }

    private static ImageSet Take(ImageSet set, int[] indices)
    {
        if (set.Reader is { } reader)
        {
            // Streamed: the subset is a view that maps its indices onto the set's, so nothing is decoded here.
            return set with { Labels = indices.Select(i => set.Labels[i]).ToArray(), Reader = new SubsetReader(reader, indices) };
        }

        var size = set.Input.Channels * set.Input.Height * set.Input.Width;
        var pixels = new byte[indices.Length * size];
        var labels = new int[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            Buffer.BlockCopy(set.Pixels, indices[i] * size, pixels, i * size, size);
            labels[i] = set.Labels[indices[i]];
        }

        return set with { Pixels = pixels, Labels = labels };
    }
}
