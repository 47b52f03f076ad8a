using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Suites;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Suites;

public class ShippedArchitectureSuitesTests
{
    [Theory]
    [InlineData("cifar100-msdnet.yaml", "msdnet", "cifar100")]
    [InlineData("cifar100-vit.yaml", "vit-ee", "cifar100")]
    [InlineData("fashion-mnist-msdnet.yaml", "msdnet", "fashion-mnist")]
    public void ValidatesAgainstTheShippedPlugins(string file, string architecture, string dataset)
    {
        var suite = SuiteLoader.Load(Path.Combine(TestPaths.RepoRoot, "suites", file));
        var catalog = PluginHost.Load([TestPaths.Plugins], Loggers.Silent, BuiltInDatasets.Register);

        Assert.Empty(SuiteValidator.Validate(suite, catalog));
        Assert.Equal(architecture, Assert.Single(suite.Architectures).Alias);
        Assert.Equal(dataset, Assert.Single(suite.Datasets).Plugin.Alias);
    }
}
