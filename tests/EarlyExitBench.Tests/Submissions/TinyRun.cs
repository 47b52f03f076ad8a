using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Submissions;

/// <summary>
/// One real run of the smallest suite (a two-block LeNet, one epoch, 300 synthetic training images, two seeds) and its
/// submission, made once per test process and shared by the submission tests, which only read it (each copies what it edits).
/// </summary>
internal static class TinyRun
{
    private static readonly Lazy<(string Root, string Suite, string Results, string Submission)> Made = new(Make, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The scratch folder of the run (data, cache, results, submission).</summary>
    public static string Root => Made.Value.Root;

    /// <summary>The suite file.</summary>
    public static string Suite => Made.Value.Suite;

    /// <summary>The run's results folder.</summary>
    public static string Results => Made.Value.Results;

    /// <summary>The submission made from it.</summary>
    public static string Submission => Made.Value.Submission;

    /// <summary>The suite text for <paramref name="data"/>, with <paramref name="calibrators"/> and extra plugin lines.</summary>
    public static string SuiteText(string name, string data, string calibrators = "[identity, temperature]", int seeds = 2) => $$$"""
        name: {{{name}}}
        seeds: [{{{string.Join(", ", Enumerable.Range(3, seeds))}}}]
        threads: 1
        datasets:
          - alias: fashion-mnist
            options: { path: {{{data}}} }
            validation_size: 100
            train_limit: 300
        architectures: [{alias: branchy-lenet, options: {channels: [4, 8], head_grid: 2}}]
        training: { epochs: 1, batch_size: 32, learning_rate: 0.01 }
        calibrators: {{{calibrators}}}
        failure_predictors: [msp, margin]
        evaluation: { bootstrap: 20 }
        """;

    /// <summary>A copy of the submission in a new scratch folder, to edit.</summary>
    public static string CopyOfSubmission()
    {
        var copy = Path.Combine(TestPaths.TempDirectory(), "submission");
        foreach (var file in Directory.EnumerateFiles(Submission, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Submission, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    private static (string, string, string, string) Make()
    {
        var root = TestPaths.TempDirectory();
        var data = SyntheticIdx.Write(Path.Combine(root, "data"), train: 500, test: 150);
        var suite = Path.Combine(root, "tiny.yaml");
        File.WriteAllText(suite, SuiteText("tiny", data));
        var results = Path.Combine(root, "results");
        var run = InProcess.Run("run", suite, "--out", results, "--cache", Path.Combine(root, "cache"));
        Assert.True(run.Code == 0, run.Err);
        var submission = Path.Combine(root, "submission");
        var submit = InProcess.Run("submit", results, "--out", submission, "--suite", suite);
        Assert.True(submit.Code == 0, submit.Err);
        return (root, suite, results, submission);
    }
}
