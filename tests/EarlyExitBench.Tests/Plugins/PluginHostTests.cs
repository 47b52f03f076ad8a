using EarlyExitBench.Harness.Pipeline;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Suites;
using EarlyExitBench.Tests.Support;
using static TorchSharp.torch;

namespace EarlyExitBench.Tests.Plugins;

public class PluginHostTests
{
    private static PluginCatalog Load(params string[] extra) =>
        PluginHost.Load([TestPaths.Plugins, .. extra], Loggers.Silent, HostPlugins.Register);

    [Fact]
    public void DiscoversTheShippedPlugins()
    {
        var catalog = Load();

        Assert.Empty(catalog.Failures);
        Assert.Empty(catalog.Errors);
        Assert.True(catalog[PluginKind.Architecture].TryGet("branchy-lenet", out var lenet));
        Assert.StartsWith("EarlyExitBench.Architectures.BranchyLeNet", lenet.Assembly, StringComparison.Ordinal);
        foreach (var alias in new[] { "identity", "temperature" })
        {
            Assert.True(catalog[PluginKind.Calibrator].TryGet(alias, out _), alias);
        }

        foreach (var alias in new[] { "msp", "entropy" })
        {
            Assert.True(catalog[PluginKind.FailurePredictor].TryGet(alias, out _), alias);
        }

        Assert.True(catalog[PluginKind.Dataset].TryGet("fashion-mnist", out var fmnist));
        Assert.Equal("built-in", fmnist.AssemblyPath);
    }

    [Fact]
    public void PluginTypesAreTheHostsTypes()
    {
        // A second copy of Contracts or TorchSharp in the plugin's context would make this cast fail.
        var catalog = Load();
        catalog[PluginKind.Architecture].TryGet("branchy-lenet", out var registration);
        var options = OptionsBinder.Bind(registration.OptionsType, new() { ["channels"] = new System.Text.Json.Nodes.JsonArray(2, 4) });
        var architecture = (IEarlyExitArchitecture)registration.Factory(options, new PluginContext(Loggers.Silent, "branchy-lenet", 0));

        using var model = architecture.Build(new InputSpec(1, 28, 28, 10));
        using var scope = NewDisposeScope();
        var logits = model.forward(zeros(3, 1, 28, 28));

        Assert.Equal(2, logits.Length);
        Assert.All(logits, l => Assert.Equal(new long[] { 3, 10 }, l.shape));
    }

    [Fact]
    public void DuplicateAliasNamesBothAssemblies()
    {
        var catalog = Load(TestPaths.TestPlugin("DuplicateAliasA"), TestPaths.TestPlugin("DuplicateAliasB"));

        var error = Assert.Single(catalog.Errors);
        Assert.Contains("duplicate calibrator alias 'dup'", error, StringComparison.Ordinal);
        Assert.Contains("TestPlugin.DuplicateAliasA", error, StringComparison.Ordinal);
        Assert.Contains("TestPlugin.DuplicateAliasB", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailingPluginDoesNotStopTheOthers()
    {
        var catalog = Load(TestPaths.TestPlugin("RegisterThrows"), TestPaths.TestPlugin("MissingDependency"), TestPaths.TestPlugin("Faulty"));

        Assert.Equal(2, catalog.Failures.Count);
        var throws = Assert.Single(catalog.Failures, f => f.AssemblyPath.Contains("RegisterThrows", StringComparison.Ordinal));
        Assert.Contains("registration is broken on purpose", throws.Reason, StringComparison.Ordinal);
        var missing = Assert.Single(catalog.Failures, f => f.AssemblyPath.Contains("MissingDependency", StringComparison.Ordinal));
        Assert.Contains("TestPlugin.MissingDependency.Lib", missing.Reason, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(missing.Fix));
        Assert.True(catalog[PluginKind.Calibrator].TryGet("throws-on-fit", out _));
        Assert.True(catalog[PluginKind.Calibrator].TryGet("temperature", out _));
    }

    [Fact]
    public void UnknownAliasSuggestsAndListsWhatExists()
    {
        var message = Load()[PluginKind.Calibrator].UnknownAliasMessage("temprature");

        Assert.StartsWith("unknown calibrator 'temprature'; did you mean 'temperature'?", message, StringComparison.Ordinal);
        Assert.Contains("available: ", message, StringComparison.Ordinal);
        Assert.Contains("identity", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidatorReportsUnknownAliasesAndBadOptionsWithLocations()
    {
        const string text = """
            name: v
            datasets: [fashion-mnist]
            architectures:
              - alias: branchy-lenet
                options: { chanels: [4] }
            calibrators: [temprature]
            failure_predictors: [msp, entropyy]
            """;
        var suite = SuiteLoader.Parse(text, "v.yaml", "/tmp");

        var errors = SuiteValidator.Validate(suite, Load()).Select(e => e.ToString()).ToList();

        Assert.Equal(3, errors.Count);
        Assert.StartsWith("v.yaml:5:16: architecture 'branchy-lenet': unknown option 'chanels'; did you mean 'channels'?", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("v.yaml:6:15: unknown calibrator 'temprature'; did you mean 'temperature'?", errors[1], StringComparison.Ordinal);
        Assert.StartsWith("v.yaml:7:27: unknown failure predictor 'entropyy'; did you mean 'entropy'?", errors[2], StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsOfTheWrongTypeAreErrors()
    {
        var catalog = Load();
        catalog[PluginKind.Architecture].TryGet("branchy-lenet", out var registration);

        var ex = Assert.Throws<OptionsException>(() => OptionsBinder.Bind(registration.OptionsType, new() { ["head_grid"] = "four" }));
        Assert.Contains("head_grid", ex.Message, StringComparison.Ordinal);
    }
}
