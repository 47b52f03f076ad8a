using System.Security.Cryptography;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Data;

/// <summary>The datasets the host ships: Fashion-MNIST (default, Debian package), MNIST, CIFAR-10, CIFAR-100, image folders.</summary>
public static class BuiltInDatasets
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> installs the IDX files.</summary>
    public const string FashionMnistDefaultPath = "/usr/share/datasets/fashion-mnist";

    private const string Cifar = "Krizhevsky 2009, Learning Multiple Layers of Features from Tiny Images, technical report, University of Toronto";

    /// <summary>Registers the built-in dataset sources.</summary>
    public static void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.Add<IDatasetSource, DatasetOptions>(
            new PluginInfo("fashion-mnist", "Fashion-MNIST, IDX files (default: Debian's dataset-fashion-mnist)")
            {
                Citation = "Xiao, Rasul & Vollgraf 2017, Fashion-MNIST: a Novel Image Dataset for Benchmarking Machine Learning Algorithms; https://arxiv.org/abs/1708.07747",
            },
            (o, _) => new IdxDatasetSource("fashion-mnist", o.Path ?? FashionMnistPath(), "apt-get install dataset-fashion-mnist, or eebench data get fashion-mnist"));
        registrar.Add<IDatasetSource, DatasetOptions>(
            new PluginInfo("mnist", "MNIST, IDX files from options.path") { Citation = "LeCun, Bottou, Bengio & Haffner 1998, Gradient-based learning applied to document recognition, Proc. IEEE" },
            (o, _) => new IdxDatasetSource("mnist", Required(o, "mnist"), "eebench data get mnist fetches its four IDX files"));
        registrar.Add<IDatasetSource, DatasetOptions>(
            new PluginInfo("cifar10", "CIFAR-10 binary batches (data_batch_1..5.bin, test_batch.bin) from options.path") { Citation = Cifar },
            (o, _) => new CifarDatasetSource("cifar10", Required(o, "cifar10"), 10));
        registrar.Add<IDatasetSource, DatasetOptions>(
            new PluginInfo("cifar100", "CIFAR-100 binary (train.bin, test.bin; fine labels) from options.path") { Citation = Cifar },
            (o, _) => new CifarDatasetSource("cifar100", Required(o, "cifar100"), 100));
        registrar.Add<IDatasetSource, ImageFolderOptions>("image-folder", "JPEG/PNG images in one subfolder per class under train/ and val/ (ImageNet layout), resized and center-cropped",
            (o, _) => new ImageFolderSource(o));
        registrar.Add<IDatasetSource, TinyImageNetOptions>(
            new PluginInfo("tiny-imagenet", "Tiny ImageNet (200 classes, 64×64) in the image-folder layout eebench data get tiny-imagenet makes")
            {
                Citation = "Le & Yang 2015, Tiny ImageNet Visual Recognition Challenge, CS231N course report, Stanford",
            },
            (o, _) => new ImageFolderSource(new ImageFolderOptions
            {
                Path = o.Path ?? DatasetCatalog.Installed("tiny-imagenet") ?? throw NotThere("tiny-imagenet"),
                Resize = 64,
                Crop = 64,
                MaxPerClass = o.MaxPerClass,
            }));
    }

    /// <summary>
    /// The input shape of a built-in dataset in its standard form, known without reading its files (suite validation
    /// builds each architecture on it to count exits); null for aliases that are not built in.
    /// </summary>
    public static InputSpec? NominalInput(string alias) => alias switch
    {
        "fashion-mnist" or "mnist" => new InputSpec(1, 28, 28, 10),
        "cifar10" => new InputSpec(3, 32, 32, 10),
        "cifar100" => new InputSpec(3, 32, 32, 100),
        "tiny-imagenet" => new InputSpec(3, 64, 64, 200),
        _ => null,
    };

    /// <summary>A short, stable identity of files' contents.</summary>
    public static string ContentId(IEnumerable<string> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            sha.AppendData(SHA256.HashData(stream));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    private static string Required(DatasetOptions options, string name) => options.Path ?? DatasetCatalog.Installed(name) ?? throw NotThere(name);

    private static InvalidDataException NotThere(string name) => new(
        $"options.path is required for '{name}' (the folder holding its files): run 'eebench data get {name}' once, or write 'download: true' on the suite's dataset entry");

    // Debian's package when installed, else what 'eebench data get fashion-mnist' fetched, else Debian's path (whose error names the package).
    private static string FashionMnistPath() =>
        Directory.Exists(FashionMnistDefaultPath) ? FashionMnistDefaultPath : DatasetCatalog.Installed("fashion-mnist") ?? FashionMnistDefaultPath;

    private sealed class IdxDatasetSource(string name, string directory, string hint) : IDatasetSource
    {
        public DatasetSplits Load(CancellationToken cancellationToken)
        {
            if (!Directory.Exists(directory))
            {
                throw new InvalidDataException($"{directory}: dataset folder for '{name}' not found ({hint})");
            }

            var files = new[] { "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte" }
                .Select(stem => IdxReader.Locate(directory, stem))
                .ToArray();
            var train = ReadPair(files[0], files[1]);
            cancellationToken.ThrowIfCancellationRequested();
            var test = ReadPair(files[2], files[3]);
            if (train.Input != test.Input)
            {
                throw new InvalidDataException($"{files[2]}: test images are {test.Input.Height}×{test.Input.Width}, training images {train.Input.Height}×{train.Input.Width}");
            }

            return new DatasetSplits(name, train, test, ContentId(files));
        }

        private static ImageSet ReadPair(string imagesPath, string labelsPath)
        {
            var (pixels, count, rows, columns) = IdxReader.ReadImages(imagesPath);
            var labels = IdxReader.ReadLabels(labelsPath, 10);
            if (labels.Length != count)
            {
                throw new InvalidDataException($"{labelsPath}: {labels.Length} labels for {count} images in {imagesPath}");
            }

            return new ImageSet(pixels, labels, new InputSpec(1, rows, columns, 10));
        }
    }
}
