using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Suites;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Suites;

/// <summary>The paper suites ask for what issue 12 asks: ≥ 2 architectures, ≥ 3 recipes (plain cross-entropy, label smoothing, focal loss), ≥ 3 seeds, every calibrator × failure predictor.</summary>
public class PaperSuitesTests
{
    [Theory]
    [InlineData("paper-quick.yaml")]
    [InlineData("paper.yaml")]
    [InlineData("paper-cifar.yaml")]
    public void ValidateAndCoverEveryMethodRecipeAndSeedTheClaimsNeed(string file)
    {
        var suite = SuiteLoader.Load(Path.Combine(TestPaths.RepoRoot, "suites", file));
        var catalog = PluginHost.Load([TestPaths.Plugins], Loggers.Silent, BuiltInDatasets.Register);

        Assert.Empty(SuiteValidator.Validate(suite, catalog));
        Assert.True(suite.Architectures.Count >= 2);
        Assert.True(suite.Seeds.Count >= 3);
        Assert.Contains(suite.Recipes, r => r.Loss == "cross_entropy" && r.LabelSmoothing == 0);
        Assert.Contains(suite.Recipes, r => r.Loss == "cross_entropy" && r.LabelSmoothing > 0);
        Assert.Contains(suite.Recipes, r => r.Loss == "focal");
        Assert.Equal(catalog[PluginKind.Calibrator].Entries.Select(e => e.Alias).Order(), suite.Calibrators.Select(c => c.Alias).Order());
        Assert.Equal(catalog[PluginKind.FailurePredictor].Entries.Select(e => e.Alias).Order(), suite.FailurePredictors.Select(p => p.Alias).Order());
    }

    [Fact]
    public void StudyV2HasTenSeedsTheFullSplitAManyExitNetworkAndEveryMethodAndPolicy()
    {
        var suite = SuiteLoader.Load(Path.Combine(TestPaths.RepoRoot, "suites", "study-v2.yaml"));
        var catalog = PluginHost.Load([TestPaths.Plugins], Loggers.Silent, BuiltInDatasets.Register);

        Assert.Empty(SuiteValidator.Validate(suite, catalog));
        Assert.True(suite.Seeds.Count >= 10);
        Assert.Contains(suite.Architectures, a => a.Alias == "resnet-sdn" && a.Options["blocks_per_stage"]?.GetValue<long>() == 3);
        Assert.All(suite.Datasets, d => Assert.Null(d.TrainLimit));
        Assert.Contains(suite.Architectures, a => a.Alias == "branchy-lenet");
        Assert.Equal(catalog[PluginKind.Calibrator].Entries.Select(e => e.Alias).Order(), suite.Calibrators.Select(c => c.Alias).Order());
        Assert.Equal(catalog[PluginKind.FailurePredictor].Entries.Select(e => e.Alias).Order(), suite.FailurePredictors.Select(p => p.Alias).Order());
        Assert.Contains(suite.ExitPolicies, p => p.Alias == "budget");
        Assert.Contains(suite.ExitPolicies, p => p.Alias == "patience");
    }
}
