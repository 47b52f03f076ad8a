using EarlyExitBench.Contracts;
using EarlyExitBench.Testing;

namespace MyScore.Tests;

/// <summary>
/// The promises eebench relies on, checked by EarlyExitBench.Testing's contract kit with the host's own output checks:
/// a broken one fails with a message naming the call and what was seen (docs/contributors/testing-kit.md).
/// </summary>
public class MyScoreContractTests
{
    [Fact]
    public void KeepsEveryPromiseEebenchReliesOn() => FailurePredictorContract.Check(new MyScore(), "my-score");

    [Fact]
    public void RegistersItsAliasWithPlaceholdersToReplace()
    {
        var registration = PluginRecorder.Find<IFailurePredictor>(new MyScore(), "my-score");

        Assert.False(string.IsNullOrWhiteSpace(registration.Info.Description));
        Assert.False(string.IsNullOrWhiteSpace(registration.Info.Citation));
    }
}
