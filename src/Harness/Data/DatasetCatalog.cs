namespace EarlyExitBench.Harness.Data;

/// <summary>
/// The datasets <c>eebench data get</c> and a suite's <c>download: true</c> fetch, at the addresses torchvision uses (Tiny
/// ImageNet: cs231n.stanford.edu) with the MD5s torchvision publishes for them (Tiny ImageNet's is the one its loaders pin).
/// </summary>
public static class DatasetCatalog
{
    /// <summary>Overrides where the files are fetched from: the file name is appended to it (tests, mirrors).</summary>
    public const string UrlBaseVariable = "EEBENCH_DATA_URL_BASE";

    /// <summary>Overrides the default data root (<c>~/.local/share/eebench/datasets</c>).</summary>
    public const string RootVariable = "EEBENCH_DATA_ROOT";

    /// <summary>Written last into a dataset's folder: without it, nothing in the folder is used.</summary>
    public const string Marker = ".eebench-complete";

    private const string Mnist = "https://ossci-datasets.s3.amazonaws.com/mnist/";
    private const string FashionMnist = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";
    private const string Toronto = "https://www.cs.toronto.edu/~kriz/";

    // Before All: static fields initialise in text order.
    private static readonly string[] IdxFiles = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    /// <summary>Every downloadable dataset, by alias.</summary>
    public static IReadOnlyList<DownloadableDataset> All { get; } =
    [
        Idx("mnist", Mnist, "f68b3c2dcbeaaa9fbdd348bbdeb94873", "d53e105ee54ea40749a09fcbcd1e9432", "9fb629c4189551a2d022fa330f9573f3", "ec29112dd5afa0611ce80d1b7f02629c"),
        Idx("fashion-mnist", FashionMnist, "8d4fb7e6c68d591d4c3dfef9ec88bf0d", "25c81989df183df01b3e8a0aad5dffbe", "bef4ecab320f06d8554ea6380940ec79", "bb300cfdad3c16e7a12a480ee83cd310"),
        new("cifar10", [new("cifar-10-python.tar.gz", Toronto + "cifar-10-python.tar.gz", "c58f30108f718f92721af3b95e74349a")], (f, dir, ct) => CifarPythonArchive.Unpack(f[0], dir, 10, ct)),
        new("cifar100", [new("cifar-100-python.tar.gz", Toronto + "cifar-100-python.tar.gz", "eb9058c3a382ffc7106e4002c42a8d85")], (f, dir, ct) => CifarPythonArchive.Unpack(f[0], dir, 100, ct)),
        new("tiny-imagenet", [new("tiny-imagenet-200.zip", "http://cs231n.stanford.edu/tiny-imagenet-200.zip", "90528d7ca1a48142e341f4ef8d21d0de")], (f, dir, ct) => TinyImageNetArchive.Unpack(f[0], dir, ct)),
    ];

    /// <summary>
    /// Tests only: entries that replace <see cref="All"/>'s of the same name in this async flow (fixture archives have their
    /// own checksums). Nothing outside the tests sets it; the published checksums cannot be changed from the command line.
    /// </summary>
    internal static AsyncLocal<IReadOnlyList<DownloadableDataset>?> TestEntries { get; } = new();

    /// <summary>The dataset called <paramref name="name"/>; an unknown name lists those that exist.</summary>
    public static DownloadableDataset Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TestEntries.Value?.FirstOrDefault(d => d.Name == name) ?? All.FirstOrDefault(d => d.Name == name)
            ?? throw new InvalidDataException($"no dataset '{name}' to download; these can be: {string.Join(", ", All.Select(d => d.Name))}");
    }

    /// <summary>The data root: <see cref="RootVariable"/>, else <c>$XDG_DATA_HOME/eebench/datasets</c> or <c>~/.local/share/eebench/datasets</c>.</summary>
    public static string DefaultRoot()
    {
        if (Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } root)
        {
            return Path.GetFullPath(root);
        }

        var data = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(data, "eebench", "datasets");
    }

    /// <summary>The folder <c>eebench data get <paramref name="name"/></c> filled under the default root, when it is complete; else null.</summary>
    public static string? Installed(string name)
    {
        var folder = Path.Combine(DefaultRoot(), name);
        return File.Exists(Path.Combine(folder, Marker)) ? folder : null;
    }

    /// <summary>Where <paramref name="file"/> is fetched from: its official address, or <see cref="UrlBaseVariable"/> + its name.</summary>
    public static Uri Address(ArchiveFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Environment.GetEnvironmentVariable(UrlBaseVariable) is { Length: > 0 } mirror
            ? new Uri(mirror.TrimEnd('/') + "/" + file.FileName)
            : new Uri(file.Url);
    }

    private static DownloadableDataset Idx(string name, string mirror, params string[] md5) =>
        new(name, IdxFiles.Select((f, i) => new ArchiveFile(f + ".gz", mirror + f + ".gz", md5[i])).ToArray(), (files, dir, _) => CopyIdx(name, files, dir));

    private static void CopyIdx(string name, IReadOnlyList<string> files, string folder)
    {
        // Kept gzipped (IdxReader reads .gz); reading them checks the headers and sizes before the folder is used.
        foreach (var file in files)
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var (_, trainCount, rows, columns) = IdxReader.ReadImages(Path.Combine(folder, IdxFiles[0] + ".gz"));
        var (_, testCount, _, _) = IdxReader.ReadImages(Path.Combine(folder, IdxFiles[2] + ".gz"));
        if (IdxReader.ReadLabels(Path.Combine(folder, IdxFiles[1] + ".gz"), 10).Length != trainCount
            || IdxReader.ReadLabels(Path.Combine(folder, IdxFiles[3] + ".gz"), 10).Length != testCount)
        {
            throw new InvalidDataException($"{name}: label and image counts differ ({rows}×{columns} images)");
        }
    }
}
