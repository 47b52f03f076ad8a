using System.CommandLine;
using System.Globalization;
using EarlyExitBench.Harness.Sandbox;
using EarlyExitBench.Harness.Submissions;
using EarlyExitBench.Harness.Training;
using Spectre.Console;

namespace EarlyExitBench.Harness.Cli;

/// <summary>
/// <c>eebench verify SUBMISSION [--sample K] [--seed S] [--record FILE]</c>: the submission checked, then K of its cells re-run
/// from scratch in the sandbox and compared by content hash; <c>--record</c> writes the verdicts for <c>eebench site</c>, mismatches
/// included. Exit 0 all match, 1 a mismatch, 2 a malformed submission (no record then: nothing was re-run).
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CliIO io)
    {
        var submission = new Argument<string>("submission") { Description = "Submission folder (eebench submit)" };
        var sample = new Option<int>("--sample") { Description = "Cells to draw and re-run (default 2; 0 only checks the files)", DefaultValueFactory = _ => 2 };
        var seed = new Option<int>("--seed") { Description = "Seed of the draw (default 0)", DefaultValueFactory = _ => 0 };
        var board = SubmitCommand.LeaderboardOption();
        var noSandbox = new Option<bool>("--no-sandbox") { Description = "Run the submitted plugins WITHOUT the sandbox (only for code you trust, or to measure what the sandbox costs)" };
        var scratch = new Option<string?>("--scratch") { Description = "Folder for the re-runs' scratch folders (default: a new folder under the temp folder, removed afterwards)" };
        var keep = new Option<bool>("--keep-scratch") { Description = "Keep each re-run's scratch folder" };
        var cpu = new Option<int?>("--cpu-seconds") { Description = $"CPU seconds per process of a re-run (default {SandboxLimits.Default.CpuSeconds})" };
        var memory = new Option<int?>("--memory-mb") { Description = $"Memory of a re-run in MB (default {SandboxLimits.Default.MemoryBytes >> 20})" };
        var processes = new Option<int?>("--processes") { Description = $"Processes and threads of a re-run (default {SandboxLimits.Default.Processes})" };
        var output = new Option<int?>("--output-mb") { Description = $"Output of a re-run in MB, per file and on stdout/stderr (default {SandboxLimits.Default.OutputBytes >> 20})" };
        var wall = new Option<int?>("--wall-seconds") { Description = $"Wall-clock seconds of a re-run (default {SandboxLimits.Default.WallSeconds})" };
        var record = new Option<string?>("--record") { Description = "Write the verification record (eebench-verification/1, read by eebench site) to this file, whatever the verdicts" };
        var command = new Command("verify", "Check a submission, then re-run a sample of its cells in a sandbox and compare their results")
        {
            submission, sample, seed, board, noSandbox, scratch, keep, cpu, memory, processes, output, wall, record,
        };
        command.SetAction(parse => CliSupport.Guarded(parse, io, null, logger =>
        {
            var folder = parse.GetValue(submission)!;
            return SubmitCommand.Refusing(io, folder, () =>
            {
                var check = SubmissionValidator.CheckFolder(folder);
                SubmitCommand.PinTo(parse.GetValue(board), check.Manifest.Pin, folder);
                if (parse.GetValue(sample) > 0 && SubmissionVerifier.LocalProblems(check) is { Count: > 0 } local)
                {
                    throw new SubmissionException(folder, local);
                }

                io.Out.WriteLine($"{folder}: well-formed ({check.Manifest.Cells.Count} cell(s), {check.Files.Count} file(s)); pinned to {check.Manifest.Pin.Suite} {check.Manifest.Pin.SuiteSha256[..12]}…, {check.Manifest.Pin.Harness} {check.Manifest.Pin.HarnessVersion}");
                var isolate = !parse.GetValue(noSandbox);
                if (isolate && SandboxedProcess.Bubblewrap() is null && parse.GetValue(sample) > 0)
                {
                    throw new EnvironmentException("bubblewrap (bwrap) is not installed, and verify runs submitted plugins only in its sandbox; install the Debian package bubblewrap");
                }

                var d = SandboxLimits.Default;
                var limits = new SandboxLimits(
                    parse.GetValue(cpu) ?? d.CpuSeconds,
                    parse.GetValue(memory) is { } mb ? (long)mb << 20 : d.MemoryBytes,
                    parse.GetValue(processes) ?? d.Processes,
                    parse.GetValue(output) is { } o ? (long)o << 20 : d.OutputBytes,
                    parse.GetValue(wall) ?? d.WallSeconds);
                var root = parse.GetValue(scratch) ?? Path.Combine(Path.GetTempPath(), $"eebench-verify-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
                var made = !Directory.Exists(root);
                try
                {
                    logger.Information("Re-running {Sample} of the {Cells} cell(s) {Mode}; limits: {Limits}", Math.Min(parse.GetValue(sample), check.Cells.Count), check.Cells.Count, isolate ? "in the sandbox" : "without the sandbox", limits);
                    var options = new VerifyOptions(parse.GetValue(sample), parse.GetValue(seed), isolate, limits, root, parse.GetValue(keep));
                    var verdicts = SubmissionVerifier.Verify(check, folder, options, logger);
                    Print(io.Out, verdicts);
                    if (parse.GetValue(record) is { } file)
                    {
                        VerificationRecords.Write(file, VerificationRecords.Of(check, options, verdicts));
                        io.Out.WriteLine($"verification record: {file}");
                    }

                    foreach (var v in verdicts.Where(v => !v.Match))
                    {
                        io.Out.WriteLine($"not reproduced: {v.Cell}: {v.Verdict}");
                    }

                    var mismatches = verdicts.Count(v => !v.Match);
                    io.Out.WriteLine(mismatches == 0 ? $"{verdicts.Count} of {verdicts.Count} re-run cell(s) match" : $"{mismatches} of {verdicts.Count} re-run cell(s) do not match");
                    return mismatches == 0 ? ExitCodes.Ok : ExitCodes.PartialFailure;
                }
                finally
                {
                    if (made && !parse.GetValue(keep) && Directory.Exists(root))
                    {
                        Directory.Delete(root, recursive: true);
                    }
                }
            });
        }));
        return command;
    }

    private static void Print(TextWriter stdout, IReadOnlyList<CellVerdict> verdicts)
    {
        var table = new Table().AddColumns("cell", "expected", "got", "verdict", "seconds");
        foreach (var v in verdicts)
        {
            table.AddRow(
                Markup.Escape(v.Cell),
                Markup.Escape(v.Expected[..16] + "…"),
                Markup.Escape(v.Got is null ? "–" : v.Got[..16] + "…"),
                Markup.Escape(v.Verdict),
                v.Seconds.ToString("F1", CultureInfo.InvariantCulture));
        }

        CliSupport.Render(stdout, table);
    }
}
