using EarlyExitBench.Calibrators.Standard;
using EarlyExitBench.Contracts;
using EarlyExitBench.ExitPolicies.Standard;
using EarlyExitBench.FailurePredictors.Standard;

namespace EarlyExitBench.Tests.Plugins;

public class RegistrationTests
{
    [Fact]
    public void CalibratorsPluginRegistersEveryAliasWithItsOptions()
    {
        var entries = RecordingRegistrar.Of(new StandardCalibratorsPlugin()).Entries;

        AssertEntries(entries, typeof(ICalibrator), new()
        {
            ["identity"] = typeof(NoOptions),
            ["temperature"] = typeof(NoOptions),
            ["vector"] = typeof(NoOptions),
            ["matrix"] = typeof(MatrixScalingOptions),
            ["histogram"] = typeof(HistogramBinningOptions),
            ["isotonic"] = typeof(NoOptions),
            ["platt"] = typeof(PlattOptions),
        });
    }

    [Fact]
    public void ScoresPluginRegistersEveryAliasWithItsOptions()
    {
        var entries = RecordingRegistrar.Of(new StandardScoresPlugin()).Entries;

        AssertEntries(entries, typeof(IFailurePredictor), new()
        {
            ["msp"] = typeof(NoOptions),
            ["entropy"] = typeof(NoOptions),
            ["max-logit"] = typeof(NoOptions),
            ["margin"] = typeof(NoOptions),
            ["gini"] = typeof(NoOptions),
            ["energy"] = typeof(NoOptions),
            ["consistency"] = typeof(NoOptions),
            ["learned"] = typeof(LearnedScoreOptions),
            ["exit-aware"] = typeof(LearnedScoreOptions),
        });
    }

    [Fact]
    public void ExitPoliciesPluginRegistersEveryAliasWithItsOptions()
    {
        var entries = RecordingRegistrar.Of(new StandardExitPoliciesPlugin()).Entries;

        AssertEntries(entries, typeof(IExitPolicy), new()
        {
            ["budget"] = typeof(BudgetPolicyOptions),
            ["patience"] = typeof(PatiencePolicyOptions),
        });
    }

    [Fact]
    public void OptionDefaultsAreTheDocumentedOnes()
    {
        Assert.Equal(15, new HistogramBinningOptions().Bins);
        Assert.Equal(0.3, new MatrixScalingOptions().L2);
        Assert.Equal("log_odds", new PlattOptions().Input);
        Assert.Equal(0.01, new LearnedScoreOptions().L2);
        Assert.Equal(new[] { 1, 2, 3 }, new PatiencePolicyOptions().Values);
    }

    private static void AssertEntries(
        List<(Type Kind, string Alias, string Description, Type Options, object Instance)> entries,
        Type kind,
        Dictionary<string, Type> expected)
    {
        Assert.Equal(expected.Keys.Order(), entries.Select(e => e.Alias).Order());
        foreach (var entry in entries)
        {
            Assert.Equal(kind, entry.Kind);
            Assert.Equal(expected[entry.Alias], entry.Options);
            Assert.IsAssignableFrom(kind, entry.Instance);
            Assert.False(string.IsNullOrWhiteSpace(entry.Description));
            Assert.DoesNotContain('\n', entry.Description);
            Assert.Equal(entry.Alias.ToLowerInvariant(), entry.Alias);
        }
    }
}
