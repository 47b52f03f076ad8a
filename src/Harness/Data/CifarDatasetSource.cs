using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Data;

/// <summary>CIFAR-10 or CIFAR-100 in their binary format, from a folder or its archive subfolder.</summary>
/// <param name="name">Dataset alias, for messages.</param>
/// <param name="directory">The folder given as <c>options.path</c>.</param>
/// <param name="classes">10 or 100.</param>
internal sealed class CifarDatasetSource(string name, string directory, int classes) : IDatasetSource
{
    /// <inheritdoc />
    public DatasetSplits Load(CancellationToken cancellationToken)
    {
        var (subfolder, archive) = classes == 10 ? ("cifar-10-batches-bin", "cifar-10-binary.tar.gz") : ("cifar-100-binary", "cifar-100-binary.tar.gz");
        var root = Directory.Exists(Path.Combine(directory, subfolder)) ? Path.Combine(directory, subfolder) : directory;
        var (train, test, labelBytes) = classes == 10
            ? (Enumerable.Range(1, 5).Select(i => $"data_batch_{i}.bin").ToArray(), new[] { "test_batch.bin" }, 1)
            : (new[] { "train.bin" }, new[] { "test.bin" }, 2);
        var missing = train.Concat(test).Where(f => !File.Exists(Path.Combine(root, f))).ToArray();
        if (missing.Length > 0)
        {
            var where = Directory.Exists(directory) ? $"in {root} (or its {subfolder}/ subfolder)" : $"in {directory}, which does not exist";
            throw new InvalidDataException(
                $"dataset '{name}': expected {string.Join(", ", train.Concat(test))} {where}; missing {string.Join(", ", missing)}. "
                + $"Run 'eebench data get {name}' (or write 'download: true' on the suite's dataset), or extract the binary version ({archive}) and set options.path to the folder that holds them.");
        }

        var trainFiles = train.Select(f => Path.Combine(root, f)).ToArray();
        var testFiles = test.Select(f => Path.Combine(root, f)).ToArray();
        var input = new InputSpec(3, 32, 32, classes);
        var (trainPixels, trainLabels) = CifarReader.Read(trainFiles, labelBytes, classes);
        cancellationToken.ThrowIfCancellationRequested();
        var (testPixels, testLabels) = CifarReader.Read(testFiles, labelBytes, classes);
        return new DatasetSplits(name, new ImageSet(trainPixels, trainLabels, input), new ImageSet(testPixels, testLabels, input), BuiltInDatasets.ContentId(trainFiles.Concat(testFiles)));
    }
}
