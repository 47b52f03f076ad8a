namespace EarlyExitBench.Harness.Data;

/// <summary>A dataset <c>eebench data get</c> can fetch: its files and how they become the folder its dataset source reads.</summary>
/// <param name="Name">The dataset alias (<c>cifar10</c>, <c>tiny-imagenet</c>, ...).</param>
/// <param name="Files">The published files, each with its pinned checksum.</param>
/// <param name="Unpack">
/// Writes the dataset's folder from the verified files (paths in the order of <paramref name="Files"/>) into an empty folder,
/// checking what it writes; throws <see cref="InvalidDataException"/> for an archive that is not what it should be.
/// </param>
public sealed record DownloadableDataset(string Name, IReadOnlyList<ArchiveFile> Files, Action<IReadOnlyList<string>, string, CancellationToken> Unpack);
