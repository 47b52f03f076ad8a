using EarlyExitBench.Contracts;
using EarlyExitBench.Testing;

namespace MyCalibrator.Tests;

/// <summary>
/// The promises eebench relies on, checked by EarlyExitBench.Testing's contract kit with the host's own output checks:
/// a broken one fails with a message naming the call and what was seen (docs/contributors/testing-kit.md).
/// </summary>
public class MyCalibratorContractTests
{
    [Fact]
    public void KeepsEveryPromiseEebenchReliesOn() => CalibratorContract.Check(new MyCalibrator(), "my-calibrator");

    [Fact]
    public void RegistersItsAliasWithPlaceholdersToReplace()
    {
        var registration = PluginRecorder.Find<ICalibrator>(new MyCalibrator(), "my-calibrator");

        Assert.False(string.IsNullOrWhiteSpace(registration.Info.Description));
        Assert.False(string.IsNullOrWhiteSpace(registration.Info.Citation));
    }
}
