using EarlyExitBench.Contracts;
using EarlyExitBench.Testing;

namespace MyNet.Tests;

/// <summary>
/// The promises eebench relies on, checked by EarlyExitBench.Testing's contract kit with the host's own output checks:
/// a broken one fails with a message naming the call and what was seen (docs/contributors/testing-kit.md).
/// </summary>
public class MyNetContractTests
{
    [Fact]
    public void KeepsEveryPromiseEebenchReliesOn() => ArchitectureContract.Check(new MyNet(), "my-net", new InputSpec(1, 28, 28, 10));

    [Fact]
    public void RegistersItsAliasWithPlaceholdersToReplace()
    {
        var registration = PluginRecorder.Find<IEarlyExitArchitecture>(new MyNet(), "my-net");

        Assert.False(string.IsNullOrWhiteSpace(registration.Info.Description));
        Assert.False(string.IsNullOrWhiteSpace(registration.Info.Citation));
    }
}
