using System.Text.Json.Nodes;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Suites;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Data;

/// <summary>Where calibration and threshold data come from: the training split, a seeded split of the test split, or (declared) the test set.</summary>
public class CalibrationSplitTests
{
    // Sample i of each split has label i % 7 and every pixel equal to i, so a split's samples can be told apart.
    private static DatasetSplits Splits(int train, int test)
    {
        var input = new InputSpec(1, 2, 2, 7);
        ImageSet Set(int n, int offset) => new(Enumerable.Range(0, n).SelectMany(i => Enumerable.Repeat((byte)(i + offset), 4)).ToArray(), Enumerable.Range(0, n).Select(i => i % 7).ToArray(), input);
        return new DatasetSplits("toy", Set(train, 100), Set(test, 0), "id");
    }

    private static DatasetSpec Spec(string calibration, int validation, int? seed = null, int? testLimit = null) =>
        new(new PluginSpec("toy", new JsonObject(), new SourceLocation("s.yaml", 1, 1), new SourceLocation("s.yaml", 1, 1)), validation, null, testLimit)
        {
            Calibration = calibration,
            CalibrationSeed = seed,
        };

    private static int[] Ids(ImageSet set) => Enumerable.Range(0, set.Count).Select(i => (int)set.Pixels[i * 4]).ToArray();

    [Fact]
    public void TestSplitCarvesADisjointSeededValidationSetAndKeepsTheRestInOrder()
    {
        var splits = Splits(train: 10, test: 40);

        var a = DataSplit.Create(splits, Spec("test-split", 12, seed: 5), seed: 1);
        var b = DataSplit.Create(splits, Spec("test-split", 12, seed: 5), seed: 2);
        var c = DataSplit.Create(splits, Spec("test-split", 12, seed: 6), seed: 1);

        Assert.Equal(12, a.Validation.Count);
        Assert.Equal(28, a.Test.Count);
        Assert.Empty(Ids(a.Validation).Intersect(Ids(a.Test)));
        Assert.Equal(Enumerable.Range(0, 40), Ids(a.Validation).Concat(Ids(a.Test)).Order());
        Assert.Equal(Ids(a.Test).Order(), Ids(a.Test));
        Assert.Equal(Ids(a.Validation).Select(i => i % 7), a.Validation.Labels);
        Assert.Equal(Ids(a.Validation), Ids(b.Validation)); // calibration_seed, not the cell's seed, decides
        Assert.NotEqual(Ids(a.Validation), Ids(c.Validation));
        Assert.Equal(10, a.Train.Count); // nothing carved from train
    }

    [Fact]
    public void WithoutCalibrationSeedTheCellSeedDecidesAndTestLimitCutsTheRest()
    {
        var splits = Splits(train: 0, test: 30);

        var a = DataSplit.Create(splits, Spec("test-split", 10, testLimit: 5), seed: 1);
        var b = DataSplit.Create(splits, Spec("test-split", 10, testLimit: 5), seed: 2);

        Assert.NotEqual(Ids(a.Validation), Ids(b.Validation));
        Assert.Equal(5, a.Test.Count);
        Assert.Empty(Ids(a.Validation).Intersect(Ids(a.Test)));
        Assert.Throws<InvalidDataException>(() => DataSplit.Create(splits, Spec("test-split", 30), 1));
    }

    [Fact]
    public void TrainSplitIsTodaysSplitAndTestIsTheTestSetItself()
    {
        var splits = Splits(train: 20, test: 8);

        var today = DataSplit.Create(splits, 6, null, null, seed: 3);
        var spec = DataSplit.Create(splits, Spec("train-split", 6), seed: 3);
        var overlap = DataSplit.Create(splits, Spec("test", 6), seed: 3);

        Assert.Equal(today.Validation.Pixels, spec.Validation.Pixels);
        Assert.Equal(today.Test.Pixels, spec.Test.Pixels);
        Assert.Equal(overlap.Test.Pixels, overlap.Validation.Pixels);
        Assert.StartsWith("train-split: 6 samples carved from the training split", Spec("train-split", 6).CalibrationDescription, StringComparison.Ordinal);
        Assert.StartsWith("test-split: 6 samples carved from the test split by a seeded shuffle (seed 4)", Spec("test-split", 6, seed: 4).CalibrationDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void ASuiteThatCalibratesOnTheTestDataIsRefusedUnlessItSaysSo()
    {
        var dir = TestPaths.TempDirectory();
        var data = SyntheticIdx.Write(Path.Combine(dir, "data"), train: 60, test: 20);
        string Suite(string extra)
        {
            var path = Path.Combine(dir, "overlap.yaml");
            File.WriteAllText(path, $"""
                name: overlap
                datasets:
                  - alias: mnist
                    options: {"{"} path: {data} {"}"}
                    calibration: test
                {extra}
                architectures: [branchy-lenet]
                """);
            return path;
        }

        var refused = InProcess.Run("validate", Suite(string.Empty));
        var allowed = InProcess.Run("validate", Suite("    calibration_overlap: allowed"));

        Assert.Equal(2, refused.Code);
        Assert.Contains("overlap.yaml:5:18: dataset 'mnist': calibration: test fits calibrators and thresholds on the test data they are then scored on", refused.Err, StringComparison.Ordinal);
        Assert.True(allowed.Code == 0, allowed.Err);
    }
}
