using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using EarlyExitBench.Harness.Cells;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Harness.Submissions;
using Serilog.Core;

namespace EarlyExitBench.Benchmarks;

/// <summary>
/// Many valid submissions from one real run, for the site's scale benchmark (<c>bench/site-scale.sh</c>) and its tests.
/// Submission <c>i</c> takes <c>seeds</c> of the run's seeds, drawn with seed <c>i</c>, and their cell results byte for
/// byte; its recipe is renamed <c>synthetic-(i mod settings)</c>, so submissions spread over that many settings and the
/// ones of one setting compete with different numbers. Its plan is the run's plan with those cells (plan id, suite name
/// and suite SHA-256 made to match), its leaderboard is rebuilt from them by the leaderboard builder, and the submission
/// is packaged and checked by <see cref="SubmissionWriter"/>, the validator <c>eebench submit</c> and <c>verify</c> run.
/// What is synthetic: the pairing of those cells with a recipe name and a suite that did not make them, so a re-run
/// (<c>verify --sample K</c>) would not match; the files themselves pass every check.
/// </summary>
public static partial class SyntheticSubmissions
{
    /// <summary>
    /// Writes <paramref name="count"/> submissions named <c>synthetic-000</c>… into <paramref name="output"/> from the
    /// finished run in <paramref name="results"/> (made with <paramref name="suite"/>); returns their folders.
    /// </summary>
    public static IReadOnlyList<string> Write(string results, string suite, string output, int count, int seeds, int settings)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings);
        var plan = PlanFile.Read(results);
        var store = new CellStore(results);
        var pool = plan.Cells.Select(c => c.Seed).Distinct().Order().ToList();
        if (seeds <= 0 || seeds > pool.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(seeds), $"{results} has {pool.Count} seed(s); asked for {seeds} per submission");
        }

        var environment = LeaderboardReader.Read(Path.Combine(results, SubmissionValidator.LeaderboardPath)).Environment;
        var suiteText = File.ReadAllText(suite);
        var written = new List<string>();
        Directory.CreateDirectory(output);
        var scratch = Path.Combine(Path.GetTempPath(), "eebench-synthetic-" + Guid.NewGuid().ToString("N")[..12]);
        for (var i = 0; i < count; i++)
        {
            var name = "synthetic-" + i.ToString("D3", CultureInfo.InvariantCulture);
            List<int> chosen = [.. pool];
            Shuffle(chosen, new Random(i));
            var kept = chosen.Take(seeds).Order().ToList();
            var recipe = "synthetic-" + (i % settings).ToString(CultureInfo.InvariantCulture);
            var text = SuiteText(suiteText, name, kept, recipe);
            var id = Sha256(plan.Id + "\n" + name)[..plan.Id.Length];
            var cells = plan.Cells.Where(c => kept.Contains(c.Seed)).Select((c, n) => c with { Index = n, Recipe = recipe }).ToList();
            var madeFrom = plan with
            {
                Id = id,
                Suite = plan.Suite with { Name = name, Seeds = kept },
                Cells = cells,
                Provenance = plan.Provenance! with { SuiteSha256 = Sha256(text) },
            };

            // A results folder as `run` leaves it: plan, the cells (copied), the leaderboard rebuilt from them.
            var folder = Path.Combine(scratch, name);
            PlanFile.Write(folder, madeFrom);
            Directory.CreateDirectory(Path.Combine(folder, "cells"));
            var stored = new List<StoredCell>();
            foreach (var cell in cells)
            {
                File.Copy(store.ResultPath(cell.Key), Path.Combine(folder, "cells", cell.Key + ".json"));
                if (File.Exists(store.BundlePath(cell.Key)))
                {
                    File.Copy(store.BundlePath(cell.Key), Path.Combine(folder, "cells", cell.Key + ".npz"));
                }

                stored.Add(store.TryRead(cell.Key, Logger.None) ?? throw new InvalidDataException($"{store.ResultPath(cell.Key)}: unreadable"));
            }

            LeaderboardWriter.Write(Path.Combine(folder, SubmissionValidator.LeaderboardPath), LeaderboardBuilder.Build(madeFrom, stored, [], environment, 0));
            var suiteFile = Path.Combine(folder, "suite.yaml");
            File.WriteAllText(suiteFile, text);
            var target = Path.Combine(output, name);
            SubmissionWriter.Write(SubmissionWriter.Build(folder, suiteFile, []), target);
            Directory.Delete(folder, recursive: true);
            written.Add(target);
        }

        Directory.Delete(scratch, recursive: true);
        return written;
    }

    /// <summary><c>site-submissions --results DIR --suite FILE --out DIR --count N [--seeds 10] [--settings S]</c>; S defaults to ⌈N/10⌉.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string Arg(string name, string? fallback = null)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback ?? throw new ArgumentException($"site-submissions: {name} is required");
        }

        var count = int.Parse(Arg("--count"), CultureInfo.InvariantCulture);
        var settings = int.Parse(Arg("--settings", ((count + 9) / 10).ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var made = Write(Arg("--results"), Arg("--suite"), Arg("--out"), count, int.Parse(Arg("--seeds", "10"), CultureInfo.InvariantCulture), settings);
        Console.WriteLine($"{made.Count} submission(s) in {Arg("--out")} over {settings} setting(s)");
        return 0;
    }

    /// <summary>The suite text with its name, seeds and recipe name replaced, and a first line that says what it is.</summary>
    internal static string SuiteText(string text, string name, IReadOnlyList<int> seeds, string recipe)
    {
        var body = NameLine().Replace(text, "name: " + name, 1);
        body = SeedsLine().Replace(body, "seeds: [" + string.Join(", ", seeds) + "]", 1);
        return $"# synthetic submission for the site's scale benchmark: real cells of another run, relabelled recipe {recipe}; not re-runnable as is\n{body}";
    }

    private static void Shuffle(List<int> list, Random random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex("^name:.*$", RegexOptions.Multiline)]
    private static partial Regex NameLine();

    [GeneratedRegex("^seeds:.*$", RegexOptions.Multiline)]
    private static partial Regex SeedsLine();
}
