using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Pipeline;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Plugins;

/// <summary>Contracts' semantic version between host and plugin.</summary>
public class ContractsCompatibilityTests
{
    [Fact]
    public void APluginBuiltAgainstAnotherMajorIsRefusedNamingBothVersionsAndTheFile()
    {
        var fixture = TestPaths.TestPlugin("ContractsNextMajor");
        var catalog = PluginHost.Load([TestPaths.Plugins, fixture], Loggers.Silent, HostPlugins.Register);

        var host = ContractsCompatibility.Host;
        var refused = Assert.Single(catalog.Failures);
        Assert.Equal(Path.Combine(fixture, "TestPlugin.ContractsNextMajor.dll"), refused.AssemblyPath);
        Assert.StartsWith(
            $"TestPlugin.ContractsNextMajor.dll was built against EarlyExitBench.Contracts 2.0.0, but this eebench has EarlyExitBench.Contracts {host.Major}.{host.Minor}.{host.Build}; a different major version is incompatible",
            refused.Reason,
            StringComparison.Ordinal);
        Assert.Contains($"Rebuild TestPlugin.ContractsNextMajor.dll against EarlyExitBench.Contracts {host.Major}.{host.Minor}", refused.Fix, StringComparison.Ordinal);
        Assert.False(catalog[PluginKind.Calibrator].TryGet("next-major", out _));
        Assert.True(catalog[PluginKind.Calibrator].TryGet("temperature", out _));
        Assert.True(catalog[PluginKind.Architecture].TryGet("branchy-lenet", out _));
    }

    [Fact]
    public void TheShippedPluginsReferenceTheHostsContracts()
    {
        var plugin = Path.Combine(TestPaths.Plugins, "EarlyExitBench.Calibrators.Standard", "EarlyExitBench.Calibrators.Standard.dll");

        var referenced = ContractsCompatibility.ReferencedBy(plugin);

        Assert.NotNull(referenced);
        Assert.Equal(typeof(IEarlyExitPlugin).Assembly.GetName().Version, referenced);
        Assert.Equal((ContractsCompatibility.Host.Major, ContractsCompatibility.Host.Minor), (referenced.Major, referenced.Minor));
        Assert.Null(ContractsCompatibility.Refusal(plugin, referenced));
    }

    [Theory]
    [InlineData("1.0.0.0", "1.0.0", true)]
    [InlineData("1.0.0.0", "1.3.2", true)] // built against an older minor: everything it uses is still there
    [InlineData("1.4.0.0", "1.3.2", false)] // a newer minor may call what this host lacks
    [InlineData("0.1.0.0", "1.0.0", false)]
    [InlineData("2.0.0.0", "1.9.0", false)]
    public void SameMajorAndNoNewerMinorIsCompatible(string referenced, string host, bool loads)
    {
        var refusal = ContractsCompatibility.Refusal("/p/My.dll", Version.Parse(referenced), Version.Parse(host));

        Assert.Equal(loads, refusal is null);
        if (refusal is not null)
        {
            Assert.Contains($"My.dll was built against EarlyExitBench.Contracts {referenced[..^2]}", refusal.Reason, StringComparison.Ordinal);
            Assert.Contains($"this eebench has EarlyExitBench.Contracts {host}", refusal.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnAssemblyWithoutContractsIsLeftToTheLoader()
        => Assert.Null(ContractsCompatibility.ReferencedBy(typeof(ContractsCompatibilityTests).Assembly.Location.Replace("EarlyExitBench.Tests.dll", "Serilog.dll", StringComparison.Ordinal)));
}
