using EarlyExitBench.Harness.Cells;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Sandbox;
using EarlyExitBench.Harness.Suites;
using Serilog;

namespace EarlyExitBench.Harness.Submissions;

/// <summary>
/// <c>eebench verify</c>: draws cells of a checked submission (seeded), re-runs each from scratch with the submitted
/// plugins in a fresh scratch folder and cache, in the sandbox, and compares the result's SHA-256 with the submitted one.
/// </summary>
public static class SubmissionVerifier
{
    /// <summary>The <paramref name="sample"/> cells drawn from <paramref name="plan"/> with <paramref name="seed"/>, in plan order.</summary>
    public static IReadOnlyList<Cell> Draw(PlanManifest plan, int sample, int seed)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var order = Enumerable.Range(0, plan.Cells.Count).ToArray();
        new Random(seed).Shuffle(order);
        return order.Take(Math.Clamp(sample, 0, order.Length)).Order().Select(i => plan.Cells[i]).ToList();
    }

    /// <summary>
    /// Why this eebench cannot reproduce <paramref name="check"/>'s cells: a cell's key includes the build of eebench and of
    /// every plugin, so a re-run needs the same eebench and the same shipped plugins (the included ones travel with it).
    /// </summary>
    public static IReadOnlyList<SubmissionProblem> LocalProblems(SubmissionCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var problems = new List<SubmissionProblem>();
        var pin = check.Manifest.Pin;
        var host = typeof(SubmissionVerifier).Assembly;
        var version = ProvenanceVersion();
        if (version != pin.HarnessVersion || ResolvedPlugin.Sha256Of(host.Location) != pin.HarnessSha256)
        {
            problems.Add(new SubmissionProblem(SubmissionManifest.FileName, $"version mismatch: made with {pin.Harness} {pin.HarnessVersion} (SHA-256 {pin.HarnessSha256[..12]}…), this is {version} ({ResolvedPlugin.Sha256Of(host.Location)[..12]}…); a cell's key includes the build, so verify with the build that made it"));
        }

        var shipped = PluginHost.DefaultDirectories().SelectMany(PluginHost.FindAssemblies).Select(d => ResolvedPlugin.Sha256Of(Path.GetFullPath(d))).ToHashSet(StringComparer.Ordinal);
        foreach (var plugin in check.Manifest.Plugins.Where(p => p.Source == SubmittedPlugin.Shipped && !shipped.Contains(p.Sha256)))
        {
            problems.Add(new SubmissionProblem(SubmissionManifest.FileName, $"version mismatch: shipped plugin {plugin.Assembly} {plugin.Version} ({plugin.Sha256[..12]}…) is not the one this eebench ships"));
        }

        return problems;
    }

    /// <summary>Re-runs the drawn cells of <paramref name="check"/> (read from <paramref name="submission"/>).</summary>
    public static IReadOnlyList<CellVerdict> Verify(SubmissionCheck check, string submission, VerifyOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var root = Path.GetFullPath(submission);
        var verdicts = new List<CellVerdict>();
        foreach (var cell in Draw(check.Plan, options.Sample, options.Seed))
        {
            var scratch = Path.Combine(Path.GetFullPath(options.Scratch), cell.Key);
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }

            try
            {
                logger.Information("{Cell}: re-running from scratch {Mode} in {Scratch}", cell.Name, options.Isolate ? "in the sandbox" : "WITHOUT the sandbox", scratch);
                verdicts.Add(Judge(check, cell, scratch, SandboxedProcess.Run(Spec(check, root, cell, scratch, options))));
            }
            finally
            {
                if (!options.KeepScratch && Directory.Exists(scratch))
                {
                    Directory.Delete(scratch, recursive: true);
                }
            }
        }

        return verdicts;
    }

    private static SandboxSpec Spec(SubmissionCheck check, string root, Cell cell, string scratch, VerifyOptions options)
    {
        foreach (var dir in new[] { "out", "cache", "home", "tmp" })
        {
            Directory.CreateDirectory(Path.Combine(scratch, dir));
        }

        var host = typeof(SubmissionVerifier).Assembly.Location;
        var dotnet = Muxer();
        var command = new List<string> { dotnet, host, "cell-worker", Path.Combine(root, SubmissionValidator.SuitePath), "--cell", cell.Key, "--out", Path.Combine(scratch, "out"), "--cache", Path.Combine(scratch, "cache") };
        if (check.Manifest.Plugins.Any(p => p.Source == SubmittedPlugin.Included))
        {
            command.AddRange(["--plugins", Path.Combine(root, "plugins")]);
        }

        var readable = new List<string> { root, Path.GetDirectoryName(host)!, Path.GetDirectoryName(dotnet)! };
        readable.AddRange(PluginHost.DefaultDirectories());
        readable.AddRange(DataPaths(Path.Combine(root, SubmissionValidator.SuitePath)));
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = "/usr/bin:/bin",
            ["HOME"] = Path.Combine(scratch, "home"),
            ["TMPDIR"] = Path.Combine(scratch, "tmp"),
            ["EEBENCH_CACHE"] = Path.Combine(scratch, "cache"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_EnableDiagnostics"] = "0",
        };
        return new SandboxSpec(command, scratch, readable, environment, options.Limits, options.Isolate);
    }

    private static CellVerdict Judge(SubmissionCheck check, Cell cell, string scratch, SandboxOutcome outcome)
    {
        var expected = check.Manifest.Cells.First(c => c.Key == cell.Key).ResultSha256;
        CellVerdict Verdict(string? got, bool match, string verdict) => new(cell.Name, cell.Key, expected, got, match, verdict, outcome.Seconds);
        if (outcome.Stopped is { } limit)
        {
            return Verdict(null, false, "stopped: " + limit);
        }

        var path = Path.Combine(scratch, "out", "cells", cell.Key + ".json");
        if (outcome.ExitCode != 0 || !File.Exists(path))
        {
            var last = outcome.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";
            return Verdict(null, false, $"failed: the worker exited with code {outcome.ExitCode}: {last}");
        }

        StoredCell rerun;
        try
        {
            rerun = CellStore.Read(path, cell.Key);
        }
        catch (InvalidDataException ex)
        {
            return Verdict(null, false, "failed: unreadable result: " + ex.Message);
        }

        var got = SubmissionValidator.ResultSha256(rerun);
        if (got == expected)
        {
            return Verdict(got, true, "match");
        }

        var failure = rerun.Result.Failures.FirstOrDefault();
        if (failure is not null)
        {
            return Verdict(got, false, $"mismatch: {failure.Kind} {failure.Plugin} failed at {failure.Stage}: {failure.Message}");
        }

        if (!string.Equals(check.Plan.Suite.Device, "cpu", StringComparison.Ordinal))
        {
            var difference = ResultTolerance.FirstDifference(check.Cells[cell.Key].ResultText, rerun.ResultText);
            return difference is null ? Verdict(got, true, "match within the GPU tolerances") : Verdict(got, false, "mismatch beyond the GPU tolerances at " + difference);
        }

        var first = ResultTolerance.FirstDifference(check.Cells[cell.Key].ResultText, rerun.ResultText);
        return Verdict(got, false, "mismatch: the result differs" + (first is null ? " (within rounding)" : " at " + first));
    }

    /// <summary>Every absolute path the suite's datasets name in their options: the sandbox may read them.</summary>
    private static IEnumerable<string> DataPaths(string suite)
    {
        var reading = SuiteLoader.Read(suite);
        return reading.Suite?.Datasets
            .SelectMany(d => d.Plugin.Options.Select(o => o.Value?.GetValueKind() == System.Text.Json.JsonValueKind.String ? o.Value.GetValue<string>() : null))
            .OfType<string>()
            .Where(p => Path.IsPathFullyQualified(p) && (Directory.Exists(p) || File.Exists(p)))
            .ToList() ?? [];
    }

    /// <summary>This eebench build: its version (as the plan's provenance records it) and the SHA-256 of its assembly.</summary>
    public static VerifyingBuild Build() => new(ProvenanceVersion(), ResolvedPlugin.Sha256Of(typeof(SubmissionVerifier).Assembly.Location));

    private static string ProvenanceVersion()
    {
        var harness = typeof(SubmissionVerifier).Assembly;
        return (System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(harness)?.InformationalVersion.Split('+')[0])
            ?? harness.GetName().Version?.ToString() ?? "?";
    }

    private static string Muxer()
    {
        var candidate = Environment.ProcessPath is { } self && Path.GetFileName(self) == "dotnet" ? self
            : (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { } host && File.Exists(host) ? host : "/usr/bin/dotnet");
        return new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(candidate);
    }
}
