using System.Diagnostics;
using System.Globalization;
using EarlyExitBench.Calibrators.Standard;
using EarlyExitBench.Contracts;
using EarlyExitBench.FailurePredictors.Standard;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Methods;
using EarlyExitBench.Harness.Pipeline;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Suites;

namespace EarlyExitBench.Benchmarks;

/// <summary>
/// <c>engine (--bundle FILE | --synthetic N [--exits K] [--classes C]) [--repeats R] [--efficiency-bootstrap B]</c>: the evaluation of one method
/// (identity + msp) exactly as <c>eebench evaluate</c> runs it (<see cref="CellEvaluator"/>: calibrate, outputs, score,
/// every metric, sweep, efficiency; B test-sample resamples of the efficiency score, default 0 as perf_ref.py draws none), timed R times after the bundle is in memory. Prints one line of JSON: the first run
/// (which pays for JIT compilation), the minimum and median of the others, the process CPU seconds of the fastest, and
/// the thinned front's point count. Threads: pin the
/// process (<c>taskset</c>) to compare cores; the results are the same either way.
/// </summary>
internal static class EngineBench
{
    public static int Run(string[] args)
    {
        var repeats = int.Parse(Option(args, "--repeats", "3"), CultureInfo.InvariantCulture);

        // perf_ref.py resamples nothing: 0 compares the same work; eebench's default (200) adds the score's interval.
        var efficiencyBootstrap = int.Parse(Option(args, "--efficiency-bootstrap", "0"), CultureInfo.InvariantCulture);
        var watch = Stopwatch.StartNew();
        var bundle = Option(args, "--bundle", string.Empty) is { Length: > 0 } path
            ? BundleFile.Read(path)
            : SyntheticBundle.Create(
                int.Parse(Option(args, "--synthetic", "100000"), CultureInfo.InvariantCulture),
                int.Parse(Option(args, "--exits", "10"), CultureInfo.InvariantCulture),
                int.Parse(Option(args, "--classes", "100"), CultureInfo.InvariantCulture));
        var load = watch.Elapsed.TotalSeconds;

        var logger = Serilog.Core.Logger.None;
        var evaluator = new CellEvaluator(logger);
        var identity = Plugin(PluginKind.Calibrator, "identity", _ => new IdentityCalibrator());
        var msp = Plugin(PluginKind.FailurePredictor, "msp", _ => new MaxSoftmaxScore());
        var summary = new BundleSummary(bundle.Dataset, bundle.Architecture, bundle.Exits, bundle.Classes, bundle.ValidationLabels, bundle.TestLabels, bundle.ExitCost, new string('0', 64));
        var catalog = PluginHost.Load([], logger, HostPlugins.Register);
        var plan = PlanBuilder.FromBundle("bench", summary, new MethodPlugins([identity], [msp]), new EvaluationSpec(15, 0, efficiencyBootstrap), catalog, logger);
        var seconds = new List<double>();
        var cpu = new List<double>();
        var points = 0;
        using var process = Process.GetCurrentProcess();
        for (var r = 0; r < repeats; r++)
        {
            GC.Collect();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            watch.Restart();
            var context = new CellContext(plan, plan.Cells[0], logger, new PhaseTimer("bench", logger), CancellationToken.None);
            var result = evaluator.Evaluate(context, bundle);
            seconds.Add(watch.Elapsed.TotalSeconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
            points = result.Methods.Single().Evaluation.Efficiency.ParetoFront.Count;
        }

        // The first run pays for JIT compilation; best and median are over the runs after it (when there are any).
        var warm = seconds.Count > 1 ? seconds.Skip(1).ToList() : seconds;
        var best = seconds.LastIndexOf(warm.Min());
        var sorted = warm.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"n\": {bundle.TestLabels.Length}, \"exits\": {bundle.Exits}, \"classes\": {bundle.Classes}, \"cores\": {Environment.ProcessorCount}, \"load_s\": {load:F3}, \"first_s\": {seconds[0]:F3}, \"min_s\": {warm.Min():F3}, \"median_s\": {sorted[sorted.Count / 2]:F3}, \"cpu_s_of_min\": {cpu[best]:F3}, \"repeats\": {repeats}, \"front_points\": {points}}}"));
        return 0;
    }

    private static ResolvedPlugin Plugin(PluginKind kind, string alias, Func<PluginContext, object> create) =>
        new(alias, new PluginRegistration(kind, alias, alias, "bench", "built-in", typeof(NoOptions), (_, context) => create(context)), new NoOptions());

    private static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
