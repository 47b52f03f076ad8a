using EarlyExitBench.Harness.Data;
using EarlyExitBench.Tests.Support;
using Xunit.Abstractions;

namespace EarlyExitBench.Tests.Data;

/// <summary>
/// <c>eebench data get</c> against a local HTTP server serving fixture archives in the published formats: a good archive,
/// a corrupt one (refused, nothing left), a connection dropped halfway (resumed with a Range request), a 404, offline.
/// The fixture archives carry their own MD5s, given through <see cref="DatasetCatalog.TestEntries"/>.
/// </summary>
[Collection(DataGetTests.UrlBaseCollection)]
public sealed class DataGetTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Tests that set <see cref="DatasetCatalog.UrlBaseVariable"/> (process-wide) share this collection.</summary>
    public const string UrlBaseCollection = "EEBENCH_DATA_URL_BASE";

    private readonly FixtureHttpServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public void Cifar10IsFetchedVerifiedAndReadableWithItsPixelsAndLabels()
    {
        var root = TestPaths.TempDirectory();
        var archive = DatasetArchives.CifarPython(10, 3);
        var (code, stdout, stderr) = Get("cifar10", archive, root);

        Assert.True(code == 0, stderr);
        Assert.Contains($"cifar10: {Path.Combine(root, "cifar10")} (MD5 checked", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(root, "cifar10", DatasetCatalog.Marker)));
        Assert.Equal(["cifar10"], Directory.GetFileSystemEntries(root).Select(Path.GetFileName)); // no downloads, no staging left
        var splits = Dataset("cifar10", Path.Combine(root, "cifar10"));
        Assert.Equal(Enumerable.Range(0, 15).Select(i => i % 10), splits.Train.Labels);
        Assert.Equal([5, 6, 7], splits.Test.Labels);
        foreach (var (set, first) in new[] { (splits.Train, 0), (splits.Test, 15) })
        {
            for (var i = 0; i < set.Count; i++)
            {
                Assert.Equal(DatasetArchives.Pixel(first + i, 2, 31, 5), set.Pixels[(i * 3072) + (2 * 1024) + (31 * 32) + 5]);
                Assert.Equal(DatasetArchives.Pixel(first + i, 0, 1, 30), set.Pixels[(i * 3072) + 32 + 30]);
            }
        }

        var again = Get("cifar10", archive, root);
        Assert.Equal(0, again.Code);
        Assert.Contains("already complete", again.Out, StringComparison.Ordinal);
        output.WriteLine($"$ eebench data get cifar10 --root {root}\n{stdout}{stderr}");
    }

    [Fact]
    public void Cifar100KeepsFineAndCoarseLabels()
    {
        var root = TestPaths.TempDirectory();
        var (code, _, stderr) = Get("cifar100", DatasetArchives.CifarPython(100, 4), root);

        Assert.True(code == 0, stderr);
        var splits = Dataset("cifar100", Path.Combine(root, "cifar100"));
        Assert.Equal(Enumerable.Range(0, 4).Select(i => (i * 7) % 100), splits.Train.Labels);
        Assert.Equal(Enumerable.Range(4, 4).Select(i => (i * 7) % 100), splits.Test.Labels);
        var bin = File.ReadAllBytes(Path.Combine(root, "cifar100", "cifar-100-binary", "test.bin"));
        Assert.Equal([(byte)(4 % 20), (byte)(28 % 100)], bin[..2]); // coarse, then fine
    }

    [Fact]
    public void ACorruptArchiveIsRefusedAndNothingIsLeftBehind()
    {
        var root = TestPaths.TempDirectory();
        var good = DatasetArchives.CifarPython(10, 2);
        var corrupt = (byte[])good.Clone();
        corrupt[corrupt.Length / 2] ^= 0xff;
        _server.Files["cifar-10-python.tar.gz"] = corrupt;

        var (code, _, stderr) = Run("cifar10", DatasetArchives.Md5(good), root);

        Assert.Equal(2, code);
        Assert.Contains($"has MD5 {DatasetArchives.Md5(corrupt)}, not the published {DatasetArchives.Md5(good)} of cifar-10-python.tar.gz: refused and deleted", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(root, "*", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(Path.Combine(root, "cifar10")));
        output.WriteLine($"$ eebench data get cifar10 --root {root}   # corrupt archive\n{stderr}");
    }

    [Fact]
    public void ADroppedConnectionKeepsWhatArrivedAndTheNextTryAsksOnlyForTheRest()
    {
        var root = TestPaths.TempDirectory();
        var archive = DatasetArchives.CifarPython(10, 4);
        var half = archive.Length / 2;
        _server.Files["cifar-10-python.tar.gz"] = archive;
        _server.DropAfter["cifar-10-python.tar.gz"] = half;

        var first = Run("cifar10", DatasetArchives.Md5(archive), root);
        var partial = Path.Combine(root, DatasetInstaller.DownloadsFolder, "cifar10", "cifar-10-python.tar.gz.partial");
        Assert.Equal(3, first.Code);
        Assert.Contains("the next try resumes from there", first.Err, StringComparison.Ordinal);
        Assert.Equal(half, new FileInfo(partial).Length);
        Assert.False(Directory.Exists(Path.Combine(root, "cifar10")));

        var second = Run("cifar10", DatasetArchives.Md5(archive), root);

        Assert.True(second.Code == 0, second.Err);
        Assert.Equal(["cifar-10-python.tar.gz -", $"cifar-10-python.tar.gz bytes={half}-"], _server.Requests);
        Assert.Equal(20, Dataset("cifar10", Path.Combine(root, "cifar10")).Train.Count);
        Assert.False(File.Exists(partial));
        output.WriteLine($"$ eebench data get cifar10 --root {root}   # connection dropped after {half} of {archive.Length} bytes\n{first.Err}");
        output.WriteLine($"$ eebench data get cifar10 --root {root}   # again\n{second.Out}{second.Err}requests: {string.Join(" | ", _server.Requests)}");
    }

    [Fact]
    public void A404SaysWhichAddressAnswered()
    {
        var root = TestPaths.TempDirectory();
        var (code, _, stderr) = Run("cifar10", new string('0', 32), root);

        Assert.Equal(2, code);
        Assert.Contains($"{_server.BaseUrl}/cifar-10-python.tar.gz: the server answered 404 Not Found", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, "cifar10")));
    }

    [Fact]
    public void OfflineTheErrorNamesTheOfficialAddressAndFrom()
    {
        var root = TestPaths.TempDirectory();
        var port = _server.BaseUrl.Split(':')[2].Split('/')[0];
        _server.Dispose(); // nothing listens there now
        var (code, _, stderr) = Run("cifar10", new string('0', 32), root, $"http://127.0.0.1:{port}/gone");

        Assert.Equal(3, code);
        Assert.Contains("cannot download", stderr, StringComparison.Ordinal);
        Assert.Contains("Offline? Fetch https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz by hand (MD5 ", stderr, StringComparison.Ordinal);
        Assert.Contains("eebench data get cifar10 --from cifar-10-python.tar.gz", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void FromAFileFetchedByHandChecksItAndNeverDeletesIt()
    {
        var root = TestPaths.TempDirectory();
        var archive = DatasetArchives.CifarPython(10, 2);
        var byHand = Path.Combine(TestPaths.TempDirectory(), "cifar-10-python.tar.gz");
        File.WriteAllBytes(byHand, archive);
        var wrong = Path.Combine(TestPaths.TempDirectory(), "cifar-10-python.tar.gz");
        File.WriteAllBytes(wrong, archive[..^10]);

        var refused = Run("cifar10", DatasetArchives.Md5(archive), root, null, "--from", wrong);
        var taken = Run("cifar10", DatasetArchives.Md5(archive), root, null, "--from", byHand);

        Assert.Equal(2, refused.Code);
        Assert.Contains("refused (a corrupt", refused.Err, StringComparison.Ordinal);
        Assert.True(File.Exists(wrong));
        Assert.True(taken.Code == 0, taken.Err);
        Assert.True(File.Exists(byHand));
        Assert.Empty(_server.Requests);
        Assert.Equal(10, Dataset("cifar10", Path.Combine(root, "cifar10")).Train.Count);
    }

    [Fact]
    public void TinyImageNetBecomesTheImageFolderLayoutByItsAnnotations()
    {
        var root = TestPaths.TempDirectory();
        var wnids = new[] { "n01443537", "n09999999", "n02000000" };
        var (code, _, stderr) = Get("tiny-imagenet", DatasetArchives.TinyImageNetZip(wnids, train: 2, val: 2, size: 16), root);

        Assert.True(code == 0, stderr);
        var folder = Path.Combine(root, "tiny-imagenet");
        Assert.Equal(wnids.Order(StringComparer.Ordinal), Directory.GetDirectories(Path.Combine(folder, "train")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["val_2.JPEG", "val_3.JPEG"], Directory.GetFiles(Path.Combine(folder, "val", "n09999999")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(folder, "test")));
        var registrar = new CapturingRegistrar();
        BuiltInDatasets.Register(registrar);
        var splits = registrar.Dataset("tiny-imagenet", new TinyImageNetOptions { Path = folder }).Load(CancellationToken.None);
        Assert.Equal(new EarlyExitBench.Contracts.InputSpec(3, 64, 64, 3), splits.Train.Input);
        Assert.Equal([0, 0, 1, 1, 2, 2], splits.Test.Labels); // classes in ordinal order: n014…, n020…, n099…
    }

    [Fact]
    public void MnistIdxFilesAreCheckedOneByOne()
    {
        var root = TestPaths.TempDirectory();
        var files = DatasetArchives.IdxGz(train: 12, test: 5);
        foreach (var (name, bytes) in files)
        {
            _server.Files[name] = bytes;
        }

        var dataset = DatasetCatalog.Find("mnist");
        DatasetCatalog.TestEntries.Value = [dataset with { Files = dataset.Files.Select(f => f with { Md5 = DatasetArchives.Md5(files[f.FileName]) }).ToArray() }];
        var (code, _, stderr) = WithBase(() => InProcess.Run("data", "get", "mnist", "--root", root));

        Assert.True(code == 0, stderr);
        var splits = Dataset("mnist", Path.Combine(root, "mnist"));
        Assert.Equal((12, 5), (splits.Train.Count, splits.Test.Count));
        Assert.Equal(4, _server.Requests.Count);
    }

    [Fact]
    public void ASuitesDownloadTrueFetchesIntoTheDataRootOnceAndPlansOnIt()
    {
        var dir = TestPaths.TempDirectory();
        var root = Path.Combine(dir, "data-root");
        var files = DatasetArchives.IdxGz(train: 300, test: 50);
        foreach (var (name, bytes) in files)
        {
            _server.Files[name] = bytes;
        }

        var dataset = DatasetCatalog.Find("mnist");
        DatasetCatalog.TestEntries.Value = [dataset with { Files = dataset.Files.Select(f => f with { Md5 = DatasetArchives.Md5(files[f.FileName]) }).ToArray() }];
        var suite = Path.Combine(dir, "download.yaml");
        File.WriteAllText(suite, """
            name: download
            seeds: [1]
            datasets:
              - alias: mnist
                download: true
                validation_size: 100
            architectures: [{alias: branchy-lenet, options: {channels: [4, 8], head_grid: 2}}]
            training: { epochs: 1, batch_size: 32 }
            calibrators: [identity]
            failure_predictors: [msp]
            """);
        Environment.SetEnvironmentVariable(DatasetCatalog.RootVariable, root);
        try
        {
            var validated = InProcess.Run("validate", suite);
            var planned = WithBase(() => InProcess.Run("plan", suite, "--out", Path.Combine(dir, "out")));
            var again = WithBase(() => InProcess.Run("plan", suite, "--out", Path.Combine(dir, "out")));

            Assert.True(validated.Code == 0, validated.Err);
            Assert.True(planned.Code == 0, planned.Err);
            Assert.True(again.Code == 0, again.Err);
            Assert.True(File.Exists(Path.Combine(root, "mnist", DatasetCatalog.Marker)));
            Assert.Equal(4, _server.Requests.Count); // the second plan found the folder complete
        }
        finally
        {
            Environment.SetEnvironmentVariable(DatasetCatalog.RootVariable, null);
        }
    }

    [Fact]
    public void DownloadOnADatasetThatCannotBeDownloadedIsRefused()
    {
        var dir = TestPaths.TempDirectory();
        var suite = Path.Combine(dir, "bad.yaml");
        File.WriteAllText(suite, """
            name: bad
            seeds: [1]
            datasets:
              - alias: image-folder
                download: true
                options: { path: nowhere }
            architectures: [{alias: branchy-lenet}]
            calibrators: [identity]
            failure_predictors: [msp]
            """);

        var (code, _, stderr) = InProcess.Run("plan", suite);

        Assert.Equal(2, code);
        Assert.Contains("'download: true' on dataset 'image-folder', which cannot be downloaded (these can: mnist, fashion-mnist, cifar10, cifar100, tiny-imagenet)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownNameListsTheDatasets()
    {
        var (code, _, stderr) = InProcess.Run("data", "get", "imagenet", "--root", TestPaths.TempDirectory());

        Assert.Equal(2, code);
        Assert.Contains("no dataset 'imagenet' to download; these can be: mnist, fashion-mnist, cifar10, cifar100, tiny-imagenet", stderr, StringComparison.Ordinal);
    }

    private static EarlyExitBench.Contracts.DatasetSplits Dataset(string alias, string path)
    {
        var registrar = new CapturingRegistrar();
        BuiltInDatasets.Register(registrar);
        return registrar.Dataset(alias, path).Load(CancellationToken.None);
    }

    private (int Code, string Out, string Err) Get(string name, byte[] archive, string root)
    {
        var file = DatasetCatalog.Find(name).Files[0].FileName;
        _server.Files[file] = archive;
        return Run(name, DatasetArchives.Md5(archive), root);
    }

    private (int Code, string Out, string Err) Run(string name, string md5, string root, string? urlBase = null, params string[] extra)
    {
        var dataset = DatasetCatalog.Find(name);
        DatasetCatalog.TestEntries.Value = [dataset with { Files = [dataset.Files[0] with { Md5 = md5 }] }];
        return WithBase(() => InProcess.Run(["data", "get", name, "--root", root, .. extra]), urlBase);
    }

    private (int Code, string Out, string Err) WithBase(Func<(int, string, string)> run, string? urlBase = null)
    {
        // Process-wide: the tests that set it share one collection, so they run one at a time.
        Environment.SetEnvironmentVariable(DatasetCatalog.UrlBaseVariable, urlBase ?? _server.BaseUrl);
        try
        {
            return run();
        }
        finally
        {
            Environment.SetEnvironmentVariable(DatasetCatalog.UrlBaseVariable, null);
        }
    }
}
