using System.Text;
using System.Text.Json;
using EarlyExitBench.Harness.Cells;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Harness.Storage;

namespace EarlyExitBench.Harness.Submissions;

/// <summary>
/// <c>eebench submit</c>: a results folder made into a submission. Deterministic: files are copied byte for byte, the
/// manifest lists them in ordinal order and holds no clock and no path of this machine, so the same results give the same
/// bytes. The whole submission is built in memory and validated before the first byte is written.
/// </summary>
public static class SubmissionWriter
{
    /// <summary>
    /// Builds the submission of <paramref name="results"/> (run with <paramref name="suite"/>; contributed plugins found in
    /// <paramref name="pluginFolders"/>) and checks it; throws <see cref="SubmissionException"/> with every problem.
    /// </summary>
    public static SubmissionCheck Build(string results, string suite, IReadOnlyList<string> pluginFolders)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(pluginFolders);
        var problems = new List<SubmissionProblem>();
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var plan = PlanFile.Read(results);
        files[SubmissionValidator.PlanPath] = File.ReadAllBytes(PlanFile.PathOf(results));
        files[SubmissionValidator.SuitePath] = File.ReadAllBytes(suite);
        var store = new CellStore(results);
        var cells = new List<SubmittedCell>();
        foreach (var cell in plan.Cells)
        {
            var path = store.ResultPath(cell.Key);
            if (!File.Exists(path))
            {
                problems.Add(new SubmissionProblem($"cells/{cell.Key}.json", $"cell {cell.Name} has no result in {results}; finish the run first"));
                continue;
            }

            var bytes = File.ReadAllBytes(path);
            files[$"cells/{cell.Key}.json"] = bytes;
            try
            {
                cells.Add(new SubmittedCell(cell.Key, cell.Name, SubmissionValidator.ResultSha256(CellStore.Parse(bytes, path, cell.Key))));
            }
            catch (InvalidDataException ex)
            {
                problems.Add(new SubmissionProblem($"cells/{cell.Key}.json", ex.Message));
            }

            if (File.Exists(store.BundlePath(cell.Key)))
            {
                files[$"cells/{cell.Key}.npz"] = File.ReadAllBytes(store.BundlePath(cell.Key));
            }
        }

        SubmittedMachine? machine = null;
        var board = Path.Combine(results, SubmissionValidator.LeaderboardPath);
        if (File.Exists(board))
        {
            files[SubmissionValidator.LeaderboardPath] = File.ReadAllBytes(board);
            var environment = LeaderboardReader.Read(board).Environment;
            machine = new SubmittedMachine(environment.Machine, environment.Os, environment.ProcessorCount, environment.Runtime, environment.TorchSharp, environment.Device, environment.TorchThreads);
        }

        var provenance = plan.Provenance ?? throw new InvalidDataException($"{PlanFile.PathOf(results)}: no provenance (made by an older eebench); rerun the suite with this eebench");
        var harness = provenance.Assemblies[0];
        var plugins = Plugins(provenance, pluginFolders, files, problems);
        var listed = files.Select(f => new SubmittedFile(f.Key, f.Value.LongLength, SubmissionValidator.Sha256(f.Value))).ToList();
        var manifest = new SubmissionManifest(
            SubmissionManifest.CurrentFormat,
            new SubmissionPin(plan.Suite.Name, provenance.SuiteSha256 ?? string.Empty, plan.Id, LeaderboardDocument.CurrentSchemaVersion, harness.Name, harness.Version, harness.Sha256),
            machine,
            cells,
            plugins,
            listed);
        files[SubmissionManifest.FileName] = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(manifest, Json.Options) + "\n");
        return SubmissionValidator.Check(results, files, problems);
    }

    /// <summary>Writes a checked submission into <paramref name="output"/>, which must be absent or empty; the manifest last.</summary>
    public static void Write(SubmissionCheck submission, string output)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(output);
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            throw new InvalidDataException($"{output}: not empty; a submission is written into a new folder");
        }

        var root = Path.GetFullPath(output);
        foreach (var (path, bytes) in submission.Files.Where(f => f.Key != SubmissionManifest.FileName))
        {
            AtomicFile.WriteAllBytes(Inside(root, path), bytes);
        }

        AtomicFile.WriteAllBytes(Inside(root, SubmissionManifest.FileName), submission.Files[SubmissionManifest.FileName]);
    }

    /// <summary><paramref name="relative"/> under <paramref name="root"/>; a name that would leave it is refused (the validator refuses it first).</summary>
    private static string Inside(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        return SubmissionFiles.IsSafeName(relative) && full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new InvalidDataException($"{relative}: would be written outside {root}");
    }

    private static List<SubmittedPlugin> Plugins(Planning.Provenance provenance, IReadOnlyList<string> pluginFolders, SortedDictionary<string, byte[]> files, List<SubmissionProblem> problems)
    {
        var shipped = Hashes(PluginHost.DefaultDirectories());
        var given = Hashes(pluginFolders);
        var plugins = new List<SubmittedPlugin>();
        foreach (var assembly in provenance.Assemblies.Skip(1))
        {
            if (shipped.ContainsKey(assembly.Sha256))
            {
                plugins.Add(new SubmittedPlugin(assembly.Name, assembly.Version, assembly.Sha256, SubmittedPlugin.Shipped, null));
                continue;
            }

            if (!given.TryGetValue(assembly.Sha256, out var dll))
            {
                problems.Add(new SubmissionProblem(SubmissionValidator.PlanPath, $"plugin {assembly.Name} {assembly.Version} (SHA-256 {assembly.Sha256[..12]}…) is neither shipped with this eebench nor in a --plugins folder; pass the folder it was loaded from"));
                continue;
            }

            var folder = $"{SubmissionValidator.PluginsFolder}{assembly.Name}/";
            foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(dll)!).Order(StringComparer.Ordinal))
            {
                files[folder + Path.GetFileName(file)] = File.ReadAllBytes(file);
            }

            plugins.Add(new SubmittedPlugin(assembly.Name, assembly.Version, assembly.Sha256, SubmittedPlugin.Included, folder + Path.GetFileName(dll)));
        }

        return plugins;
    }

    private static Dictionary<string, string> Hashes(IEnumerable<string> folders)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dll in folders.Where(Directory.Exists).SelectMany(PluginHost.FindAssemblies))
        {
            hashes.TryAdd(ResolvedPlugin.Sha256Of(Path.GetFullPath(dll)), dll);
        }

        return hashes;
    }
}
