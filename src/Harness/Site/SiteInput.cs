using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Harness.Storage;
using EarlyExitBench.Harness.Submissions;

namespace EarlyExitBench.Harness.Site;

/// <summary>
/// Reads a submissions folder: every direct sub-folder is one submission, checked by the validator <c>submit</c> and
/// <c>verify</c> use; beside folder <c>NAME/</c> an optional <c>NAME.verification.json</c> is its verification record.
/// Folders whose name starts with a dot (<c>.git</c>) are skipped; other files are ignored. Everything is read in ordinal
/// order, so the same folder gives the same site.
/// </summary>
public static class SiteInput
{
    /// <summary>The suffix of a verification record beside its submission's folder.</summary>
    public const string RecordSuffix = ".verification.json";

    /// <summary>Every submission under <paramref name="folder"/>, by name.</summary>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    /// <exception cref="SubmissionException">A submission is malformed (the source names its folder).</exception>
    /// <exception cref="InvalidDataException">No submission at all, a record that is malformed, belongs to another submission or to no folder, or a
    /// <c>leaderboard.json</c> that is not the leaderboard of its cells.</exception>
    public static IReadOnlyList<SiteSubmission> Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder}: submissions folder not found");
        }

        var names = Directory.GetDirectories(folder).Select(Path.GetFileName).OfType<string>()
            .Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal).ToList();
        var orphans = Directory.GetFiles(folder, "*" + RecordSuffix).Select(Path.GetFileName).OfType<string>()
            .Where(f => !names.Contains(f[..^RecordSuffix.Length], StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (orphans.Count > 0)
        {
            throw new InvalidDataException($"{Path.Combine(folder, orphans[0])}: a verification record without its submission folder {orphans[0][..^RecordSuffix.Length]}/");
        }

        if (names.Count == 0)
        {
            throw new InvalidDataException($"{folder}: no submission folder in it (every sub-folder is one submission, as eebench submit writes it)");
        }

        // Submissions are independent: read and checked on every core, each into its slot, so the result (and the error
        // reported: the first refused folder in ordinal order) is the one a serial read gives. Copies of one submission
        // (same manifest, so the same files) share one leaderboard: building it is the costly part.
        var built = new ConcurrentDictionary<string, Lazy<LeaderboardDocument>>(StringComparer.Ordinal);
        var read = new SiteSubmission?[names.Count];
        var failed = new ExceptionDispatchInfo?[names.Count];
        Parallel.For(0, names.Count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, i =>
        {
            try
            {
                read[i] = ReadOne(folder, names[i], built);
            }
            catch (Exception ex) when (ex is SubmissionException or InvalidDataException or IOException or UnauthorizedAccessException or JsonException)
            {
                failed[i] = ExceptionDispatchInfo.Capture(ex);
            }
        });
        failed.FirstOrDefault(f => f is not null)?.Throw();
        return read.Select(r => r!).ToList();
    }

    /// <summary>How many submissions are read at once: one per core; 1 reads them one after another (the same result).</summary>
    public static int Parallelism { get; set; } = Environment.ProcessorCount;

    private static SiteSubmission ReadOne(string folder, string name, ConcurrentDictionary<string, Lazy<LeaderboardDocument>> built)
    {
        var path = Path.Combine(folder, name);
        var check = SubmissionValidator.CheckFolder(path);
        var sha = SubmissionValidator.Sha256(check.Files[SubmissionManifest.FileName]);
        var recordPath = Path.Combine(folder, name + RecordSuffix);
        VerificationRecord? record = null;
        if (File.Exists(recordPath))
        {
            record = VerificationRecords.Read(recordPath);
            if (record.SubmissionSha256 != sha)
            {
                throw new InvalidDataException($"{recordPath}: the record of another submission (submission_sha256 {record.SubmissionSha256[..12]}…), not of {name}/ ({sha[..12]}…); verify {name}/ again");
            }

            if (record.Cells.FirstOrDefault(c => !check.Cells.ContainsKey(c.Key)) is { } stranger)
            {
                throw new InvalidDataException($"{recordPath}: cell {stranger.Key} is not a cell of {name}/");
            }
        }

        var verdicts = (record?.Cells ?? []).ToDictionary(c => c.Key, StringComparer.Ordinal);
        var cells = check.Plan.Cells.Select(c => new SiteCell(
            c.Key, c.Name, c.Dataset, c.Architecture, c.Recipe, c.Seed, c.ModelKey,
            record is null ? CellStatus.NotVerified : verdicts.TryGetValue(c.Key, out var v) ? v.Verdict : CellStatus.NotSampled,
            verdicts.TryGetValue(c.Key, out var d) ? d.Detail : null)).ToList();
        var board = built.GetOrAdd(sha, _ => new Lazy<LeaderboardDocument>(() => Rebuild(check, path), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

        return new SiteSubmission(name, sha, check.Manifest, board, cells, record, (check.Plan.BootstrapResamples, check.Plan.BootstrapSeed));
    }

    /// <summary>
    /// The leaderboard of the submission's cells (what <c>verify</c> re-runs), built as <c>merge</c> builds one; where the
    /// submission carries the run's <c>leaderboard.json</c>, its groups must be the same, or the numbers shown would not be
    /// the ones the cells hold.
    /// </summary>
    private static LeaderboardDocument Rebuild(SubmissionCheck check, string path)
    {
        var m = check.Manifest.Machine;
        var environment = new EnvironmentInfo(m?.Machine ?? "", m?.Os ?? "", m?.ProcessorCount ?? 0, m?.Runtime ?? "", m?.TorchSharp ?? "", m?.Device ?? "", m?.TorchThreads ?? 0, "", "");
        var board = LeaderboardBuilder.Build(check.Plan, check.Cells.Values, [], environment, 0);
        if (check.Files.TryGetValue(SubmissionValidator.LeaderboardPath, out var bytes))
        {
            // The validator has read and schema-checked it already; compared as written by this eebench, byte for byte.
            var shipped = check.Leaderboard ?? LeaderboardReader.Parse(bytes, Path.Combine(path, SubmissionValidator.LeaderboardPath));
            if (!JsonSerializer.SerializeToUtf8Bytes(shipped.Groups, Json.Options).AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(board.Groups, Json.Options)))
            {
                throw new InvalidDataException($"{Path.Combine(path, SubmissionValidator.LeaderboardPath)}: its groups are not the leaderboard of the submission's cells; resubmit the run (eebench submit)");
            }
        }

        return board;
    }
}
