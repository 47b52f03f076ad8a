using System.Text;
using System.Text.Json;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Harness.Storage;

namespace EarlyExitBench.Harness.Site;

/// <summary>
/// <c>eebench site</c>: the static site of a submissions folder, as files (relative path → bytes). Everything is a function of
/// the submissions: no clock, no absolute path, folders and files in ordinal order, so building twice gives the same bytes.
/// </summary>
public static class SiteBuilder
{
    /// <summary>The merged data download.</summary>
    public const string DataPath = "data/leaderboard.json";

    /// <summary>The entries download.</summary>
    public const string CsvPath = "data/entries.csv";

    /// <summary>What the site writes at its top level; a folder holding only these (or nothing) may be rebuilt in place.</summary>
    public static IReadOnlyList<string> TopLevel { get; } = ["index.html", "proxies.html", "submissions.html", "settings", "methods", "data", "assets"];

    /// <summary>
    /// Every file of the site of <paramref name="model"/> but the merged data download, by relative path (ordinal order);
    /// <see cref="Write"/> streams that one (<see cref="WriteData"/>), as it grows with every submission.
    /// </summary>
    public static SortedDictionary<string, byte[]> Build(SiteModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (path, text) in SitePages.Render(model))
        {
            files.Add(path, Encoding.UTF8.GetBytes(text));
        }

        files.Add(CsvPath, Encoding.UTF8.GetBytes(EntriesCsv.Write(model.Settings)));
        return files;
    }

    /// <summary>
    /// The merged data download of <paramref name="model"/>: every table's group in the published format without the per-seed
    /// bootstrap replicates (<c>per_seed[].efficiency_replicates</c>, the bulk of a leaderboard: each submission's own
    /// <c>leaderboard.json</c> keeps them), and every submission.
    /// </summary>
    public static SiteData Data(SiteModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new SiteData(
            SiteData.CurrentFormat,
            model.Settings.Select(s => new SiteDataSetting(
                s.Slug, s.Benchmark, s.Dataset, s.Architecture, s.ArchitectureOptions, s.Recipe, s.Seeds, s.Note,
                s.Tables.Select(t => new SiteDataTable(t.Label, t.Rows.Select(r => r.Submissions).ToList(), Compact(t.Group))).ToList())).ToList(),
            model.Submissions.Select(s => new SiteDataSubmission(s.Name, s.Sha256, s.Manifest.Pin, s.Manifest.Machine, s.Manifest.Plugins, s.Cells, s.Verification)).ToList());
    }

    /// <summary>A group as the download holds it: without the per-seed bootstrap replicates (efficiency and deployable).</summary>
    public static GroupResult Compact(GroupResult group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group with { Entries = group.Entries.Select(e => e with { PerSeed = e.PerSeed.Select(s => s with { EfficiencyReplicates = null, DeployableReplicates = null }).ToList() }).ToList() };
    }

    /// <summary>Streams <see cref="Data"/> of <paramref name="model"/> to <paramref name="stream"/> as JSON on one line (then a line end), never holding it whole.</summary>
    public static void WriteData(Stream stream, SiteModel model)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonSerializer.Serialize(stream, Data(model), DataOptions);
        stream.WriteByte((byte)'\n');
    }

    /// <summary>
    /// Writes <paramref name="files"/> (<see cref="Build"/>) and the data download of <paramref name="model"/> under
    /// <paramref name="folder"/>, which must be new, empty, or hold a site written before (only <see cref="TopLevel"/>
    /// entries): that site is removed first, so no page of a gone setting stays.
    /// </summary>
    /// <exception cref="InvalidDataException">The folder holds something else.</exception>
    public static void Write(string folder, SiteModel model, IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(files);
        if (Directory.Exists(folder))
        {
            var entries = Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).OfType<string>().ToList();
            if (entries.FirstOrDefault(e => !TopLevel.Contains(e, StringComparer.Ordinal)) is { } stranger)
            {
                throw new InvalidDataException($"{folder}: holds {stranger}, which no site wrote; give --out a new or empty folder, or the folder of an earlier site");
            }

            foreach (var entry in entries.Select(e => Path.Combine(folder, e)))
            {
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }
            }
        }

        foreach (var (path, bytes) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }

        var data = Path.Combine(folder, DataPath);
        Directory.CreateDirectory(Path.GetDirectoryName(data)!);
        using var stream = new FileStream(data, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        WriteData(stream, model);
    }

    // Not indented: indentation would be a third of the file (each number of a Pareto front on its own, deeply indented line).
    private static JsonSerializerOptions DataOptions { get; } = new(Json.Options) { WriteIndented = false };
}
