using System.Collections.Concurrent;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Plugins;
using Serilog;

namespace EarlyExitBench.Harness.Methods;

/// <summary>
/// What every method of one cell shares: the bundle, the plugin-call bounds, the bootstrap resamples and the failures
/// recorded so far. A plugin that throws is recorded here and fails only its own methods.
/// </summary>
internal sealed class CellRun
{
    // Exits are computed in parallel: the failure kept per metric and method is the one at the lowest exit, whatever the thread order.
    private readonly ConcurrentDictionary<(string Plugin, string Method), (int Exit, PluginFailure Failure)> _metricFailures = new();
    private readonly List<FailureRecord> _failures = [];

    public CellRun(CellContext context, LogitsBundle bundle, ILogger logger, bool keepsSweeps)
    {
        Context = context;
        Bundle = bundle;
        Logger = logger;
        KeepsSweeps = keepsSweeps;
        RawTest = Uncalibrated(bundle);
        Limit = new CallLimit(context.Plan.PluginTimeout, context.CancellationToken);
        Bootstrap = EfficiencyBootstrap.Create(context.Plan.EfficiencyBootstrap, bundle.TestLabels.Length);
    }

    public CellContext Context { get; }

    public LogitsBundle Bundle { get; }

    public ILogger Logger { get; }

    public CallLimit Limit { get; }

    public EfficiencyBootstrap Bootstrap { get; }

    public int Bins => Context.Plan.Bins;

    /// <summary>Whether each method keeps its whole sweep (for the <c>--full-sweeps</c> side file); otherwise only the thinned front.</summary>
    public bool KeepsSweeps { get; }

    /// <summary>
    /// The uncalibrated test outputs, which the scores before calibration (rank preservation) read: their confidences are
    /// made once per cell, their probabilities only if a score reads them, and dropped after each method (<see cref="ReleaseRaw"/>).
    /// </summary>
    public MultiExitOutputs RawTest { get; }

    /// <summary>Whether the measurement will reuse the fitted methods (their objects and test scores are kept only then).</summary>
    public bool KeepsFitted => Context.Plan.Measurement.Enabled;

    public string Cell => Context.Cell.Name;

    public int Seed => Context.Cell.Seed;

    /// <summary>Drops the uncalibrated probabilities a score asked for.</summary>
    public void ReleaseRaw() => (RawTest.Probabilities as LazyExits<ClassMatrix>)?.Release();

    /// <summary>A plugin's instance for this cell.</summary>
    public T Create<T>(ResolvedPlugin plugin)
        where T : class => plugin.Create<T>(Logger, Cell, Seed);

    /// <summary>Logs and keeps a failure.</summary>
    public void Record(PluginFailure failure)
    {
        Logger.Error(PluginTrace.Of(failure, Logger), "{Cell} seed {Seed}: {Kind} '{Plugin}' failed in {Stage}: {Message}", Cell, Seed, failure.Kind, failure.Plugin, failure.Stage, failure.Detail);
        _failures.Add(FailureRecord.Of(Cell, Seed, failure));
    }

    /// <summary>Keeps records that are not failed calls, such as a silent no-op warning.</summary>
    public void Add(IEnumerable<FailureRecord> records) => _failures.AddRange(records);

    /// <summary>The plan's metrics for one method, each instance made per exit behind the plugin-call boundary.</summary>
    public List<MetricDefinition> Metrics(MethodKey method)
    {
        var name = $"{method.Calibrator}+{method.FailurePredictor}";
        void Report(int exit, PluginFailure failure) =>
            _metricFailures.AddOrUpdate((failure.Plugin, name), (exit, failure), (_, kept) => exit < kept.Exit ? (exit, failure) : kept);
        return Context.Plan.Metrics
            .Select(m => new MetricDefinition(m.Plugin.Label, m.Plugin.Registration.Description, m.Info, () =>
                new GuardedMetric(m.Plugin, () => Create<IExitMetric>(m.Plugin), Limit, Report)))
            .ToList();
    }

    /// <summary>Every failure: plugin calls in the order they failed, then one per failing metric and method.</summary>
    public List<FailureRecord> Failures()
    {
        foreach (var ((_, method), (_, failure)) in _metricFailures.OrderBy(f => f.Key.Method, StringComparer.Ordinal).ThenBy(f => f.Key.Plugin, StringComparer.Ordinal))
        {
            Record(new PluginFailure(failure.Kind, failure.Plugin, $"{failure.Stage} of {method}", failure.Detail, failure.InnerException));
        }

        _metricFailures.Clear();
        return [.. _failures];
    }

    private static MultiExitOutputs Uncalibrated(LogitsBundle bundle) =>
        new(bundle.TestLogits, new LazyExits<ClassMatrix>(bundle.Exits, k => Probabilities.Softmax(bundle.TestLogits[k])))
        {
            CalibratedLogits = bundle.TestLogits,
            MaxProbabilities = new LazyExits<ReadOnlyMemory<double>>(bundle.Exits, k => MaxProbabilities(bundle.TestLogits[k])),
        };

    private static double[] MaxProbabilities(ClassMatrix logits)
    {
        var result = new double[logits.Rows];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Probabilities.MaxSoftmax(logits.Row(i));
        }

        return result;
    }
}
