using EarlyExitBench.Harness.Suites;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Suites;

public class SuiteLoaderTests
{
    private const string Valid = """
        name: tiny
        seeds: [1, 2]
        datasets:
          - alias: fashion-mnist
            validation_size: 100
        architectures:
          - alias: branchy-lenet
            options: { channels: [4, 8] }
        training: { epochs: 2, batch_size: 32, optimizer: sgd, learning_rate: 0.05 }
        calibrators: [identity, { alias: temperature }]
        failure_predictors: [msp]
        """;

    [Fact]
    public void ReadsSeveralNamedRecipes()
    {
        var suite = SuiteLoader.Parse(
            "name: x\ndatasets: [d]\narchitectures: [a]\ntraining:\n  - {name: ce, epochs: 2}\n  - {name: ls, epochs: 2, label_smoothing: 0.1, schedule: cosine, warmup_epochs: 0.5}\n  - {name: focal, loss: focal, focal_gamma: 3, optimizer: adamw, augment: crop-flip, early_stopping_patience: 2}\n",
            "r.yaml",
            "/tmp");

        Assert.Equal(["ce", "ls", "focal"], suite.Recipes.Select(r => r.Name));
        Assert.Equal((0.1, "cosine", 0.5), (suite.Recipes[1].LabelSmoothing, suite.Recipes[1].Schedule, suite.Recipes[1].WarmupEpochs));
        Assert.Equal(("focal", 3.0, "adamw", "crop-flip", (int?)2), (suite.Recipes[2].Loss, suite.Recipes[2].FocalGamma, suite.Recipes[2].Optimizer, suite.Recipes[2].Augment, suite.Recipes[2].EarlyStoppingPatience));
    }

    [Fact]
    public void BindsEveryField()
    {
        var suite = SuiteLoader.Parse(Valid, "tiny.yaml", "/tmp");

        Assert.Equal("tiny", suite.Name);
        Assert.Equal([1, 2], suite.Seeds);
        Assert.Equal(100, suite.Datasets[0].ValidationSize);
        Assert.Equal("branchy-lenet", suite.Architectures[0].Alias);
        Assert.Equal("""{"channels":[4,8]}""", suite.Architectures[0].OptionsJson);
        Assert.Equal(new TrainingSpec(2, 32, "sgd", 0.05, 0.9, 0, null), Assert.Single(suite.Recipes));
        Assert.Equal(["identity", "temperature"], suite.Calibrators.Select(c => c.Alias));
        Assert.Equal("cpu", suite.Device);
    }

    [Fact]
    public void EfficiencyBootstrapDefaultsAndBinds()
    {
        Assert.Equal(EvaluationSpec.DefaultEfficiencyBootstrap, SuiteLoader.Parse(Valid, "tiny.yaml", "/tmp").Evaluation.EfficiencyBootstrap);
        Assert.Equal(new EvaluationSpec(15, 1000, 0), SuiteLoader.Parse(Valid + "\nevaluation: {efficiency_bootstrap: 0}\n", "tiny.yaml", "/tmp").Evaluation);
    }

    [Fact]
    public void PluginTimeoutDefaultsToTenMinutesBindsAndIsNotSerialisedIntoKeysOrTheLeaderboard()
    {
        var timed = SuiteLoader.Parse(Valid + "\nevaluation: {plugin_timeout_s: 2.5}\n", "tiny.yaml", "/tmp").Evaluation;

        Assert.Equal(600, SuiteLoader.Parse(Valid, "tiny.yaml", "/tmp").Evaluation.PluginTimeoutSeconds);
        Assert.Equal(TimeSpan.FromSeconds(2.5), timed.PluginTimeout);
        Assert.DoesNotContain("timeout", System.Text.Json.JsonSerializer.Serialize(timed), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void DefaultSuiteIsValid()
    {
        var suite = SuiteLoader.Load(Path.Combine(TestPaths.RepoRoot, "suites", "fashion-mnist.yaml"));
        Assert.Equal("fashion-mnist", suite.Name);
        Assert.Equal("/usr/share/datasets/fashion-mnist", suite.Datasets[0].Plugin.Options["path"]!.GetValue<string>());
    }

    [Fact]
    public void ReportsEveryMistakeWithLineAndColumn()
    {
        const string text = """
            name: three-mistakes
            seeds: [0]
            datasets: [fashion-mnist]
            architectures: [branchy-lenet]
            trainig: { epochs: 2 }
            calibrators: [identity]
            evaluation:
              bins: -3
            device: tpu
            """;

        var ex = Assert.Throws<SuiteException>(() => SuiteLoader.Parse(text, "bad.yaml", "/tmp"));

        Assert.Equal(3, ex.Errors.Count);
        Assert.Equal("bad.yaml:5:1: unknown key 'trainig' in the suite; did you mean 'training'?", ex.Errors[0].ToString());
        Assert.StartsWith("bad.yaml:8:9: 'bins' must be between 1 and 10000", ex.Errors[1].ToString(), StringComparison.Ordinal);
        Assert.Equal("bad.yaml:9:9: 'device' must be one of cpu, cuda, auto, got 'tpu'", ex.Errors[2].ToString());
    }

    [Fact]
    public void MalformedYamlNamesTheLine()
    {
        var ex = Assert.Throws<SuiteException>(() => SuiteLoader.Parse("name: x\ndatasets: [a, b\narchitectures: [c]\n", "broken.yaml", "/tmp"));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("broken.yaml", error.Location.File);
        Assert.True(error.Location.Line >= 2, error.ToString());
        Assert.Contains("invalid YAML", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name: x\narchitectures: [a]\n", "missing required key 'datasets'")]
    [InlineData("name: x\ndatasets: []\narchitectures: [a]\n", "'datasets' must list at least one entry")]
    [InlineData("name: x\ndatasets: [d]\narchitectures: [a]\nseeds: [1, 1]\n", "'seeds' lists a seed twice")]
    [InlineData("name: x y\ndatasets: [d]\narchitectures: [a]\n", "'name' must start with a letter or digit and hold only")]
    [InlineData("name: x\ndatasets: [d]\narchitectures: [{alias: a, option: {}}]\n", "unknown key 'option' in an architecture entry; did you mean 'options'?")]
    [InlineData("name: x\ndatasets: [d]\narchitectures: [a]\ntraining: {optimizer: rmsprop}\n", "'optimizer' must be one of adam, adamw, sgd")]
    [InlineData("name: x\ndatasets: [d]\narchitectures: [a]\ntraining: [{name: a}, {name: a}]\n", "recipe name 'a' is used 2 times")]
    [InlineData("name: x\ndatasets: [d]\narchitectures: [a]\ntraining: [{epochs: 2}]\n", "missing required key 'name'")]
    [InlineData("name: x\ndatasets: [d]\narchitectures: [a]\ntraining: {loss: focal, label_smoothing: 0.1}\n", "'label_smoothing' applies to loss: cross_entropy only")]
    [InlineData("name: x\ndatasets: [d]\narchitectures: [a]\ntraining: {augment: mixup}\n", "'augment' must be one of none, crop-flip")]
    [InlineData("name: x\ndatasets: [d]\narchitectures: [a]\ntraining: {epochs: 2, warmup_epochs: 2}\n", "'warmup_epochs' (2) must be less than 'epochs' (2)")]
    [InlineData("name: x\ndatasets: [d]\narchitectures: [a]\ntraining: [{name: a, sched: cosine}]\n", "unknown key 'sched' in recipe 'a'")]
    [InlineData("name: x\ndatasets: [d]\narchitectures: [a]\ncalibrators: [identity, identity]\n", "listed twice")]
    [InlineData("- just\n- a list\n", "a suite must be a YAML mapping")]
    [InlineData("name: x\ndatasets: [d]\narchitectures: [a]\nevaluation: {efficiency_bootstrap: -1}\n", "'efficiency_bootstrap' must be between 0 and 100000")]
    public void RejectsBadSuites(string text, string expected)
    {
        var ex = Assert.Throws<SuiteException>(() => SuiteLoader.Parse(text, "s.yaml", "/tmp"));
        Assert.Contains(ex.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
        Assert.All(ex.Errors, e => Assert.Equal("s.yaml", e.Location.File));
    }

    [Fact]
    public void MissingFileIsAnError()
    {
        var ex = Assert.Throws<SuiteException>(() => SuiteLoader.Load("/nonexistent/suite.yaml"));
        Assert.Contains("not found", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }
}
