using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using EarlyExitBench.Harness.Cells;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Harness.Storage;

namespace EarlyExitBench.Harness.Submissions;

/// <summary>
/// The one validator behind <c>submit</c> and <c>verify</c>. Fail closed: it collects every problem it can find and
/// returns a <see cref="SubmissionCheck"/> only when there is none; a check that cannot run because an earlier one failed
/// is skipped, never taken as passed.
/// </summary>
public static class SubmissionValidator
{
    /// <summary>The plan file of a submission.</summary>
    public const string PlanPath = "plan.json";

    /// <summary>The suite file of a submission.</summary>
    public const string SuitePath = "suite.yaml";

    /// <summary>The leaderboard of the run, when it wrote one.</summary>
    public const string LeaderboardPath = "leaderboard.json";

    /// <summary>The folder of included plugins.</summary>
    public const string PluginsFolder = "plugins/";

    private static readonly JsonSerializerOptions Strict = new(Json.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    /// <summary>Checks the submission folder <paramref name="folder"/>; throws <see cref="SubmissionException"/> listing every problem.</summary>
    public static SubmissionCheck CheckFolder(string folder, SubmissionLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var problems = new List<SubmissionProblem>();
        var files = SubmissionFiles.Read(folder, limits ?? SubmissionLimits.Default, problems);
        return Check(folder, files, problems, limits);
    }

    /// <summary>
    /// Checks a submission given as its files (relative path → bytes), with the problems already found reading them;
    /// throws <see cref="SubmissionException"/> naming <paramref name="source"/> and every problem.
    /// </summary>
    public static SubmissionCheck Check(string source, IReadOnlyDictionary<string, byte[]> files, IReadOnlyList<SubmissionProblem> earlier, SubmissionLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(earlier);
        var problems = new List<SubmissionProblem>(earlier);
        var result = Check(files, problems, limits ?? SubmissionLimits.Default);
        if (problems.Count > 0 || result is null)
        {
            throw new SubmissionException(source, problems.Count > 0 ? problems : [new SubmissionProblem(".", "not a submission")]);
        }

        return result;
    }

    /// <summary>
    /// The problems of pinning a submission to <paramref name="board"/>: entries of one leaderboard share the schema
    /// version, the suite (name and file hash) and the eebench version.
    /// </summary>
    public static IReadOnlyList<SubmissionProblem> PinProblems(SubmissionPin pin, LeaderboardDocument board, string boardName)
    {
        ArgumentNullException.ThrowIfNull(pin);
        ArgumentNullException.ThrowIfNull(board);
        var problems = new List<SubmissionProblem>();
        void Differ(string what, string? mine, string? theirs)
        {
            if (!string.Equals(mine, theirs, StringComparison.Ordinal))
            {
                problems.Add(new SubmissionProblem(SubmissionManifest.FileName, $"version mismatch: {what} is {mine ?? "unknown"} here and {theirs ?? "unknown"} in {boardName}; a leaderboard never mixes versions"));
            }
        }

        Differ("the leaderboard schema_version", pin.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), board.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Differ("the suite", pin.Suite, board.Suite.Name);
        Differ("the suite file's SHA-256", pin.SuiteSha256, board.Provenance?.SuiteSha256);
        var harness = board.Provenance?.Assemblies.FirstOrDefault(a => a.Name == pin.Harness);
        Differ($"the {pin.Harness} version", pin.HarnessVersion, harness?.Version);
        return problems;
    }

    /// <summary>SHA-256 of <paramref name="bytes"/>, lower-case hex.</summary>
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>SHA-256 of a stored cell's result text: what a submission pins and <c>verify</c> compares.</summary>
    public static string ResultSha256(StoredCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return Sha256(System.Text.Encoding.UTF8.GetBytes(cell.ResultText));
    }

    private static SubmissionCheck? Check(IReadOnlyDictionary<string, byte[]> files, List<SubmissionProblem> problems, SubmissionLimits limits)
    {
        foreach (var (path, bytes) in files.Where(f => f.Key.EndsWith(".json", StringComparison.Ordinal) && f.Key != SubmissionManifest.FileName))
        {
            ScanJson(path, bytes, problems);
        }

        var manifest = ReadManifest(files, problems);
        var plan = Read<PlanManifest>(files, PlanPath, problems);
        if (!files.ContainsKey(SuitePath))
        {
            problems.Add(new SubmissionProblem(SuitePath, "missing: a submission carries the suite its plan was built from"));
        }

        if (manifest is null)
        {
            return null;
        }

        CheckFiles(manifest, files, problems);
        CheckArchives(files, problems, limits);
        if (plan is null)
        {
            return null;
        }

        CheckPin(manifest, plan, files, problems);
        CheckPlugins(manifest, plan, files, problems);
        var cells = CheckCells(manifest, plan, files, problems);
        LeaderboardDocument? document = null;
        if (files.TryGetValue(LeaderboardPath, out var board))
        {
            try
            {
                document = LeaderboardReader.Parse(board, LeaderboardPath);
                problems.AddRange(PinProblems(manifest.Pin, document, LeaderboardPath).Select(p => p with { File = LeaderboardPath }));
            }
            catch (InvalidDataException ex)
            {
                problems.Add(new SubmissionProblem(LeaderboardPath, ex.Message.StartsWith(LeaderboardPath + ": ", StringComparison.Ordinal) ? ex.Message[(LeaderboardPath.Length + 2)..] : ex.Message));
            }
        }

        return problems.Count == 0 ? new SubmissionCheck(manifest, plan, cells, new SortedDictionary<string, byte[]>(files.ToDictionary(), StringComparer.Ordinal)) { Leaderboard = document } : null;
    }

    private static void ScanJson(string path, byte[] bytes, List<SubmissionProblem> problems)
    {
        try
        {
            foreach (var problem in JsonScan.Run(bytes).Problems)
            {
                problems.Add(new SubmissionProblem(path, problem.ToString()));
            }
        }
        catch (JsonException ex)
        {
            problems.Add(new SubmissionProblem(path, $"invalid JSON at line {(ex.LineNumber ?? 0) + 1}, column {(ex.BytePositionInLine ?? 0) + 1}: {ex.Message.Split(" LineNumber:", 2)[0].TrimEnd()}"));
        }
    }

    private static SubmissionManifest? ReadManifest(IReadOnlyDictionary<string, byte[]> files, List<SubmissionProblem> problems)
    {
        const string Name = SubmissionManifest.FileName;
        if (!files.TryGetValue(Name, out var bytes))
        {
            problems.Add(new SubmissionProblem(Name, "missing: not a submission (eebench submit writes it)"));
            return null;
        }

        JsonScan scan;
        try
        {
            scan = JsonScan.Run(bytes);
        }
        catch (JsonException ex)
        {
            problems.Add(new SubmissionProblem(Name, $"invalid JSON at line {(ex.LineNumber ?? 0) + 1}, column {(ex.BytePositionInLine ?? 0) + 1}: {ex.Message.Split(" LineNumber:", 2)[0].TrimEnd()}"));
            return null;
        }

        var before = problems.Count;
        problems.AddRange(scan.Problems.Select(p => new SubmissionProblem(Name, p.ToString())));
        using (var document = JsonDocument.Parse(bytes))
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.Number && format.TryGetInt32(out var number) && number != SubmissionManifest.CurrentFormat)
            {
                problems.Add(new SubmissionProblem(Name, $"submission format {number}; this eebench reads format {SubmissionManifest.CurrentFormat} (make it again with this eebench's submit)"));
                return null;
            }

            problems.AddRange(PublishedSchema.CheckSubmission(root, scan.Lines).Select(p => new SubmissionProblem(Name, p.ToString() + " (schemas/submission.schema.json)")));
        }

        if (problems.Count > before)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<SubmissionManifest>(bytes, Strict);
        }
        catch (JsonException ex)
        {
            problems.Add(new SubmissionProblem(Name, $"does not bind: {ex.Message.Split(" Path:", 2)[0]}"));
            return null;
        }
    }

    private static T? Read<T>(IReadOnlyDictionary<string, byte[]> files, string path, List<SubmissionProblem> problems)
        where T : class
    {
        if (!files.TryGetValue(path, out var bytes))
        {
            problems.Add(new SubmissionProblem(path, "missing: a required artifact"));
            return null;
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes, Json.Options);
            if (value is PlanManifest { Format: not PlanManifest.CurrentFormat } plan)
            {
                problems.Add(new SubmissionProblem(path, $"plan format {plan.Format}; this eebench reads {PlanManifest.CurrentFormat}"));
                return null;
            }

            return value ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            if (!problems.Any(p => p.File == path))
            {
                problems.Add(new SubmissionProblem(path, $"not a plan: {ex.Message.Split(" Path:", 2)[0]}"));
            }

            return null;
        }
    }

    private static void CheckFiles(SubmissionManifest manifest, IReadOnlyDictionary<string, byte[]> files, List<SubmissionProblem> problems)
    {
        var listed = new Dictionary<string, SubmittedFile>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            if (!SubmissionFiles.IsSafeName(file.Path))
            {
                problems.Add(new SubmissionProblem(SubmissionManifest.FileName, $"lists '{SubmissionFiles.Printable(file.Path)}': not a safe relative name (absolute, .., hidden or odd characters)"));
                continue;
            }

            if (listed.TryGetValue(file.Path, out var earlier))
            {
                problems.Add(new SubmissionProblem(file.Path, earlier.Sha256 == file.Sha256 && earlier.Size == file.Size
                    ? "listed twice in submission.json"
                    : $"listed twice in submission.json with two contents ({earlier.Sha256[..12]}… and {file.Sha256[..12]}…)"));
                continue;
            }

            listed[file.Path] = file;
            if (file.Path == SubmissionManifest.FileName)
            {
                problems.Add(new SubmissionProblem(file.Path, "the manifest cannot list itself"));
            }
            else if (!files.TryGetValue(file.Path, out var bytes))
            {
                problems.Add(new SubmissionProblem(file.Path, "listed in submission.json but missing"));
            }
            else if (bytes.LongLength != file.Size || Sha256(bytes) != file.Sha256)
            {
                problems.Add(new SubmissionProblem(file.Path, $"does not match submission.json (SHA-256 {Sha256(bytes)[..12]}…, {bytes.LongLength} bytes; declared {file.Sha256[..12]}…, {file.Size} bytes): changed after submit"));
            }
        }

        foreach (var path in files.Keys.Where(p => p != SubmissionManifest.FileName && !listed.ContainsKey(p)))
        {
            problems.Add(new SubmissionProblem(path, "not listed in submission.json"));
        }
    }

    private static void CheckArchives(IReadOnlyDictionary<string, byte[]> files, List<SubmissionProblem> problems, SubmissionLimits limits)
    {
        foreach (var (path, bytes) in files.Where(f => f.Key.EndsWith(".npz", StringComparison.Ordinal)))
        {
            try
            {
                using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
                long unpacked = 0;
                foreach (var entry in zip.Entries)
                {
                    unpacked += entry.Length;
                    if (entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > 100)
                    {
                        problems.Add(new SubmissionProblem(path, $"entry {SubmissionFiles.Printable(entry.FullName)} unpacks {entry.Length} bytes from {entry.CompressedLength}: a zip bomb? not unpacked"));
                        break;
                    }
                }

                if (unpacked > limits.MaxUnpackedBytes)
                {
                    problems.Add(new SubmissionProblem(path, $"unpacks to {unpacked} bytes, over the limit of {limits.MaxUnpackedBytes}; not unpacked"));
                }
            }
            catch (InvalidDataException ex)
            {
                problems.Add(new SubmissionProblem(path, $"not a readable .npz (zip) file: {ex.Message}"));
            }
        }
    }

    private static void CheckPin(SubmissionManifest manifest, PlanManifest plan, IReadOnlyDictionary<string, byte[]> files, List<SubmissionProblem> problems)
    {
        var pin = manifest.Pin;
        void Forged(string file, string what, string? declared, string? actual)
        {
            if (!string.Equals(declared, actual, StringComparison.Ordinal))
            {
                problems.Add(new SubmissionProblem(file, $"forged or stale provenance: {what} is {declared ?? "missing"} in submission.json but {actual ?? "missing"} in {file}"));
            }
        }

        if (pin.SchemaVersion != LeaderboardDocument.CurrentSchemaVersion)
        {
            problems.Add(new SubmissionProblem(SubmissionManifest.FileName, $"version mismatch: made for leaderboard schema_version {pin.SchemaVersion}; this eebench writes schema_version {LeaderboardDocument.CurrentSchemaVersion}"));
        }

        Forged(PlanPath, "the plan id", pin.PlanId, plan.Id);
        Forged(PlanPath, "the suite name", pin.Suite, plan.Suite.Name);
        if (plan.Provenance is not { } provenance)
        {
            problems.Add(new SubmissionProblem(PlanPath, "has no provenance (made by an older eebench); rerun the suite with this eebench"));
            return;
        }

        Forged(PlanPath, "the suite's SHA-256", pin.SuiteSha256, provenance.SuiteSha256);
        if (files.TryGetValue(SuitePath, out var suite))
        {
            Forged(SuitePath, "the suite's SHA-256", pin.SuiteSha256, Sha256(suite));
        }

        var harness = provenance.Assemblies.FirstOrDefault(a => a.Name == pin.Harness);
        Forged(PlanPath, $"the {pin.Harness} version", pin.HarnessVersion, harness?.Version);
        Forged(PlanPath, $"the {pin.Harness} SHA-256", pin.HarnessSha256, harness?.Sha256);
    }

    private static void CheckPlugins(SubmissionManifest manifest, PlanManifest plan, IReadOnlyDictionary<string, byte[]> files, List<SubmissionProblem> problems)
    {
        var declared = plan.Provenance?.Assemblies.Where(a => a.Name != manifest.Pin.Harness).ToList() ?? [];
        var folders = new List<string>();
        foreach (var plugin in manifest.Plugins)
        {
            var where = plugin.Path ?? SubmissionManifest.FileName;
            if (!declared.Any(a => a.Name == plugin.Assembly && a.Sha256 == plugin.Sha256))
            {
                problems.Add(new SubmissionProblem(where, $"plugin {plugin.Assembly} with SHA-256 {plugin.Sha256[..12]}… is not the one the plan's provenance declares ({string.Join(", ", declared.Where(a => a.Name == plugin.Assembly).Select(a => a.Sha256[..12] + "…").DefaultIfEmpty("none"))})"));
            }

            if (plugin.Source == SubmittedPlugin.Included)
            {
                if (plugin.Path is not { } path || !path.StartsWith(PluginsFolder, StringComparison.Ordinal) || !path.EndsWith(".dll", StringComparison.Ordinal))
                {
                    problems.Add(new SubmissionProblem(SubmissionManifest.FileName, $"included plugin {plugin.Assembly} needs a path plugins/NAME/NAME.dll"));
                    continue;
                }

                folders.Add(path[..(path.LastIndexOf('/') + 1)]);
                if (!files.TryGetValue(path, out var bytes))
                {
                    problems.Add(new SubmissionProblem(path, $"missing: the assembly of plugin {plugin.Assembly}"));
                }
                else if (Sha256(bytes) != plugin.Sha256)
                {
                    problems.Add(new SubmissionProblem(path, $"SHA-256 {Sha256(bytes)[..12]}… does not match its declaration {plugin.Sha256[..12]}… for plugin {plugin.Assembly}"));
                }
            }
            else if (plugin.Path is not null)
            {
                problems.Add(new SubmissionProblem(SubmissionManifest.FileName, $"shipped plugin {plugin.Assembly} has a path; only included plugins carry files"));
            }
        }

        foreach (var missing in declared.Where(a => !manifest.Plugins.Any(p => p.Assembly == a.Name && p.Sha256 == a.Sha256)))
        {
            problems.Add(new SubmissionProblem(SubmissionManifest.FileName, $"plugin {missing.Name} {missing.Version} ({missing.Sha256[..12]}…) of the plan's provenance is not in the submission"));
        }

        foreach (var stray in files.Keys.Where(p => p.StartsWith(PluginsFolder, StringComparison.Ordinal) && !folders.Any(f => p.StartsWith(f, StringComparison.Ordinal))))
        {
            problems.Add(new SubmissionProblem(stray, "under plugins/ but in no declared plugin's folder"));
        }

        foreach (var stray in files.Keys.Where(p => !p.StartsWith(PluginsFolder, StringComparison.Ordinal) && !p.StartsWith("cells/", StringComparison.Ordinal)
            && p is not (SubmissionManifest.FileName or PlanPath or SuitePath or LeaderboardPath)))
        {
            problems.Add(new SubmissionProblem(stray, "not part of a submission (submission.json, plan.json, suite.yaml, leaderboard.json, cells/, plugins/)"));
        }
    }

    private static Dictionary<string, StoredCell> CheckCells(SubmissionManifest manifest, PlanManifest plan, IReadOnlyDictionary<string, byte[]> files, List<SubmissionProblem> problems)
    {
        var cells = new Dictionary<string, StoredCell>(StringComparer.Ordinal);
        var declared = new Dictionary<string, SubmittedCell>(StringComparer.Ordinal);
        foreach (var cell in manifest.Cells)
        {
            if (declared.TryGetValue(cell.Key, out var earlier))
            {
                problems.Add(new SubmissionProblem($"cells/{cell.Key}.json", earlier.ResultSha256 == cell.ResultSha256 ? "cell listed twice in submission.json" : "cell listed twice in submission.json with two contents"));
                continue;
            }

            declared[cell.Key] = cell;
        }

        var planned = plan.Cells.ToDictionary(c => c.Key, StringComparer.Ordinal);
        foreach (var key in declared.Keys.Where(k => !planned.ContainsKey(k)))
        {
            problems.Add(new SubmissionProblem($"cells/{key}.json", "a cell the plan does not have"));
        }

        foreach (var cell in plan.Cells)
        {
            var path = $"cells/{cell.Key}.json";
            if (!declared.TryGetValue(cell.Key, out var submitted))
            {
                problems.Add(new SubmissionProblem(path, $"cell {cell.Name} of the plan is missing from submission.json"));
                continue;
            }

            if (submitted.Name != cell.Name)
            {
                problems.Add(new SubmissionProblem(path, $"named {submitted.Name} in submission.json but {cell.Name} in plan.json"));
            }

            if (!files.TryGetValue(path, out var bytes))
            {
                problems.Add(new SubmissionProblem(path, $"missing: the result of cell {cell.Name}"));
                continue;
            }

            StoredCell stored;
            try
            {
                stored = CellStore.Parse(bytes, path, cell.Key);
            }
            catch (InvalidDataException ex)
            {
                problems.Add(new SubmissionProblem(path, ex.Message.StartsWith(path + ": ", StringComparison.Ordinal) ? ex.Message[(path.Length + 2)..] : ex.Message));
                continue;
            }

            if (ResultSha256(stored) != submitted.ResultSha256)
            {
                problems.Add(new SubmissionProblem(path, $"result SHA-256 {ResultSha256(stored)[..12]}… is not the {submitted.ResultSha256[..12]}… submission.json declares"));
            }

            CheckSamples(path, cell, stored, problems);
            cells[cell.Key] = stored;
        }

        return cells;
    }

    private static void CheckSamples(string path, Cell cell, StoredCell stored, List<SubmissionProblem> problems)
    {
        var result = stored.Result;
        var failedEarly = result.Methods.Count == 0 && result.Failures.Count > 0;
        if (cell.BundleFile is not null || failedEarly)
        {
            return;
        }

        if (result.Samples is not { } samples)
        {
            problems.Add(new SubmissionProblem(path, "records no sample-id hashes of its splits (made by an older eebench?); rerun the cell with --no-cache"));
            return;
        }

        var validation = samples.Splits.FirstOrDefault(s => s.Split == "validation");
        var test = samples.Splits.FirstOrDefault(s => s.Split == "test");
        if (validation is null || test is null)
        {
            problems.Add(new SubmissionProblem(path, "sample ids: the validation or the test split is not recorded"));
            return;
        }

        if (samples.SharedWithTest != 0)
        {
            problems.Add(new SubmissionProblem(path, $"overlapping splits: {samples.SharedWithTest} calibration/validation or training sample(s) are also test samples"));
        }
        else if (validation.Pool == test.Pool && validation.Sha256 == test.Sha256 && validation.Count > 0)
        {
            problems.Add(new SubmissionProblem(path, "overlapping splits: the validation samples are the test samples (same ids hash)"));
        }
    }
}
