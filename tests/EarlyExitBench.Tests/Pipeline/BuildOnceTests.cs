using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Cli;
using EarlyExitBench.Harness.Pipeline;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Suites;
using EarlyExitBench.Harness.Training;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Pipeline;

/// <summary>An architecture is built once per cell: training, recording and measurement share one module, and planning builds none.</summary>
public class BuildOnceTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void EachCellBuildsItsArchitectureOnceWhetherTrainedOrCached(bool measure)
    {
        var dir = TestPaths.TempDirectory();
        var data = SyntheticIdx.Write(Path.Combine(dir, "data"), train: 400, test: 100);
        var measurement = measure ? "{samples: 20, batch_sizes: [4], max_seconds: 0.02}" : "{enabled: false}";
        var suite = SuiteLoader.Parse(
            $$$"""
            name: once
            seeds: [3, 4]
            threads: 1
            datasets:
              - alias: fashion-mnist
                options: { path: {{{data}}} }
                validation_size: 100
                train_limit: 300
                test_limit: 100
            architectures: [{alias: branchy-lenet, options: {channels: [4, 8], head_grid: 2}}]
            training: { epochs: 1, batch_size: 50 }
            calibrators: [identity]
            failure_predictors: [msp]
            evaluation: { bootstrap: 0, efficiency_bootstrap: 0 }
            measurement: {{{measurement}}}
            """,
            "once.yaml",
            dir);
        var catalog = PluginHost.Load([TestPaths.Plugins], Loggers.Silent, HostPlugins.Register);
        Assert.Empty(SuiteValidator.Validate(suite, catalog));
        var builds = new List<InputSpec>();
        var plan = Counting(PlanBuilder.FromSuite(suite, catalog, Loggers.Silent, CancellationToken.None), builds);

        // The first run trains both cells; the second finds their bundles and checkpoints in the cache.
        foreach (var output in new[] { "trained", "cached" })
        {
            builds.Clear();
            var document = new SuiteRunner(plan, new RunOptions(Path.Combine(dir, "cache"), true, Path.Combine(dir, output), "test", Shard.All), Loggers.Silent, new NoProgress())
                .Run(CancellationToken.None);

            Assert.Empty(document.Failures);
            Assert.Equal(measure ? 2 : 0, document.Timing.Measurements.Count);
            Assert.True(builds.Count == 2, $"{output}: {builds.Count} builds for 2 cells");
        }
    }

    /// <summary>The plan with every architecture counting its builds into <paramref name="builds"/>; keys and labels unchanged.</summary>
    private static Plan Counting(Plan plan, List<InputSpec> builds) => plan with
    {
        Architectures = plan.Architectures.ToDictionary(
            a => a.Key,
            a => a.Value with
            {
                Registration = a.Value.Registration with
                {
                    Factory = (options, context) => new CountingArchitecture((IEarlyExitArchitecture)a.Value.Registration.Factory(options, context), builds),
                },
            },
            StringComparer.Ordinal),
    };

    private sealed class CountingArchitecture(IEarlyExitArchitecture inner, List<InputSpec> builds) : IEarlyExitArchitecture
    {
        public MultiExitModule Build(InputSpec input)
        {
            lock (builds)
            {
                builds.Add(input);
            }

            return inner.Build(input);
        }

        public IReadOnlyList<StageCost> Describe(InputSpec input) => inner.Describe(input);
    }
}
