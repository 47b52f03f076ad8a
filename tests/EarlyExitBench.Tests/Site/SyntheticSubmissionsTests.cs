using EarlyExitBench.Benchmarks;
using EarlyExitBench.Harness.Cells;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Harness.Submissions;
using EarlyExitBench.Tests.Submissions;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Site;

/// <summary>
/// The scale benchmark's generator (bench/site-scale.sh): its submissions pass the validator of <c>submit</c> and
/// <c>verify</c>, carry the real run's cell results byte for byte, spread over the settings asked for, and come out the
/// same bytes every time.
/// </summary>
[Collection("Console")]
public class SyntheticSubmissionsTests
{
    [Fact]
    public void EachSubmissionIsValidHoldsTheRunsOwnCellsAndTheSameCallGivesTheSameBytes()
    {
        var dir = TestPaths.TempDirectory();
        var made = SyntheticSubmissions.Write(TinyRun.Results, TinyRun.Suite, Path.Combine(dir, "a"), count: 3, seeds: 1, settings: 2);
        var again = SyntheticSubmissions.Write(TinyRun.Results, TinyRun.Suite, Path.Combine(dir, "b"), count: 3, seeds: 1, settings: 2);

        Assert.Equal(["synthetic-000", "synthetic-001", "synthetic-002"], made.Select(Path.GetFileName));
        Assert.Equal(["synthetic-000", "synthetic-001", "synthetic-002"], Directory.GetFileSystemEntries(Path.Combine(dir, "a")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var source = PlanFile.Read(TinyRun.Results);
        var recipes = new List<string>();
        foreach (var (submission, i) in made.Select((s, i) => (s, i)))
        {
            var check = SubmissionValidator.CheckFolder(submission); // throws, listing every problem, when one is invalid
            var cell = Assert.Single(check.Plan.Cells);
            var original = source.Cells.Single(c => c.Key == cell.Key);
            Assert.Equal(File.ReadAllBytes(new CellStore(TinyRun.Results).ResultPath(cell.Key)), File.ReadAllBytes(Path.Combine(submission, "cells", cell.Key + ".json")));
            Assert.Equal(original.Seed, cell.Seed);
            Assert.Equal($"synthetic-{i % 2}", cell.Recipe);
            var board = LeaderboardReader.Read(Path.Combine(submission, "leaderboard.json"));
            var group = Assert.Single(board.Groups);
            Assert.Equal(cell.Recipe, group.Recipe);
            Assert.Equal(check.Manifest.Pin.Suite, Path.GetFileName(submission));
            recipes.Add(group.Recipe);

            foreach (var file in Directory.EnumerateFiles(submission, "*", SearchOption.AllDirectories))
            {
                Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(again[i], Path.GetRelativePath(submission, file))));
            }
        }

        Assert.Equal(["synthetic-0", "synthetic-1", "synthetic-0"], recipes);
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticSubmissions.Write(TinyRun.Results, TinyRun.Suite, Path.Combine(dir, "c"), count: 1, seeds: 3, settings: 1));
    }
}
