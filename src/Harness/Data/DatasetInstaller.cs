namespace EarlyExitBench.Harness.Data;

/// <summary>
/// Puts a downloadable dataset into its folder atomically: files are fetched (or taken from <c>--from</c>) and checked,
/// unpacked into a temporary folder beside the target, checked again, marked complete (the marker is written last), and
/// only then renamed into place. A folder without the marker is never used; a failed try leaves no half-made folder.
/// </summary>
public static class DatasetInstaller
{
    /// <summary>Downloads land here under the data root while they are incomplete (kept for resuming).</summary>
    public const string DownloadsFolder = ".downloads";

    /// <summary>
    /// Makes <paramref name="folder"/> hold <paramref name="dataset"/>, complete; returns true when it did the work and false
    /// when the folder was already complete.
    /// </summary>
    /// <param name="dataset">What to install.</param>
    /// <param name="folder">The dataset's folder (e.g. <c>ROOT/cifar10</c>).</param>
    /// <param name="from">Files fetched by hand (matched by name, or the only file of a one-file dataset); empty to download.</param>
    /// <param name="progress">Where the progress bar goes, or null.</param>
    /// <param name="cancellationToken">Stops the work; partial downloads are kept, the temporary folder deleted.</param>
    public static bool Ensure(DownloadableDataset dataset, string folder, IReadOnlyList<string> from, TextWriter? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(from);
        folder = Path.GetFullPath(folder);
        if (File.Exists(Path.Combine(folder, DatasetCatalog.Marker)))
        {
            return false;
        }

        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new InvalidDataException(
                $"{folder} exists but was not completed by eebench (no {DatasetCatalog.Marker}); move it away, or point options.path at it to use it as it is");
        }

        var parent = Path.GetDirectoryName(folder)!;
        var downloads = Path.Combine(parent, DownloadsFolder, dataset.Name);
        var files = from.Count > 0 ? Given(dataset, from) : dataset.Files.Select(f => Downloader.Fetch(dataset.Name, f, downloads, progress, cancellationToken)).ToList();
        var staging = Path.Combine(parent, $".{Path.GetFileName(folder)}.unpacking-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(staging);
        try
        {
            dataset.Unpack(files, staging, cancellationToken);
            File.WriteAllText(Path.Combine(staging, DatasetCatalog.Marker), string.Join('\n', dataset.Files.Select(f => $"{f.FileName} md5 {f.Md5}")) + "\n");
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder); // empty, checked above
            }

            Directory.Move(staging, folder);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        if (Directory.Exists(downloads))
        {
            Directory.Delete(downloads, recursive: true);
            TryDeleteEmpty(Path.Combine(parent, DownloadsFolder));
        }

        return true;
    }

    private static List<string> Given(DownloadableDataset dataset, IReadOnlyList<string> from)
    {
        var files = new List<string>();
        foreach (var expected in dataset.Files)
        {
            var match = from.FirstOrDefault(f => Path.GetFileName(f) == expected.FileName)
                ?? (dataset.Files.Count == 1 && from.Count == 1 ? from[0] : null)
                ?? throw new InvalidDataException($"{dataset.Name}: --from lacks {expected.FileName} (fetch it from {expected.Url}); given: {string.Join(", ", from)}");
            if (!File.Exists(match))
            {
                throw new FileNotFoundException($"--from {match}: file not found", match);
            }

            Downloader.Verify(dataset.Name, expected, match, delete: false); // the user's own file: refused, never deleted
            files.Add(Path.GetFullPath(match));
        }

        return files;
    }

    private static void TryDeleteEmpty(string folder)
    {
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }
}
