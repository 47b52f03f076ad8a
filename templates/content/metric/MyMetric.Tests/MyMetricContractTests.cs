using EarlyExitBench.Contracts;
using EarlyExitBench.Testing;

namespace MyMetric.Tests;

/// <summary>
/// The promises eebench relies on, checked by EarlyExitBench.Testing's contract kit with the host's own output checks:
/// a broken one fails with a message naming the call and what was seen (docs/contributors/testing-kit.md).
/// </summary>
public class MyMetricContractTests
{
    [Fact]
    public void KeepsEveryPromiseEebenchReliesOn() => MetricContract.Check(new MyMetric(), "my_metric");

    [Fact]
    public void RegistersItsAliasWithPlaceholdersToReplace()
    {
        var registration = PluginRecorder.Find<IExitMetric>(new MyMetric(), "my_metric");

        Assert.False(string.IsNullOrWhiteSpace(registration.Info.Description));
        Assert.False(string.IsNullOrWhiteSpace(registration.Info.Citation));
    }
}
