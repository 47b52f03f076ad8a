using EarlyExitBench.Harness.Planning;

namespace EarlyExitBench.Harness.Cells;

/// <summary>The plan's cells found across several result folders, and those found nowhere.</summary>
/// <param name="Found">One stored result per cell found.</param>
/// <param name="Missing">Cells of the plan with no result in any folder.</param>
public sealed record CellGathering(IReadOnlyList<StoredCell> Found, IReadOnlyList<Cell> Missing)
{
    /// <summary>
    /// Reads every result of <paramref name="manifest"/>'s cells from <paramref name="directories"/>. A corrupt file, or the
    /// same key with different content in two files, is an <see cref="InvalidDataException"/> naming the files.
    /// </summary>
    public static CellGathering From(PlanManifest manifest, IReadOnlyList<string> directories)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(directories);
        var wanted = manifest.Cells.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, StoredCell>(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            foreach (var file in new CellStore(directory).Files())
            {
                var key = Path.GetFileNameWithoutExtension(file);
                if (!wanted.Contains(key))
                {
                    continue;
                }

                var stored = CellStore.Read(file, key);
                if (found.TryGetValue(key, out var earlier))
                {
                    if (earlier.ResultText != stored.ResultText)
                    {
                        throw new InvalidDataException($"cell {key} has different results in {earlier.Path} and {file}; they were computed from different code or data, rerun one of them");
                    }

                    continue;
                }

                found[key] = stored;
            }
        }

        return new CellGathering(
            manifest.Cells.Where(c => found.ContainsKey(c.Key)).Select(c => found[c.Key]).ToList(),
            manifest.Cells.Where(c => !found.ContainsKey(c.Key)).ToList());
    }
}
