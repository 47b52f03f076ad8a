using EarlyExitBench.Calibrators.Standard;
using EarlyExitBench.Contracts;
using EarlyExitBench.ExitPolicies.Standard;
using EarlyExitBench.FailurePredictors.Standard;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Plugins;

/// <summary>
/// The shipped registrations, enumerated from the registry rather than from lists kept here: every plugin project is built
/// and loaded, every registration builds its kind from default options, and the registry the contract tests enumerate is
/// the one the host loads. Which aliases exist is pinned by the README's generated plugin tables (<c>PluginTablesTests</c>).
/// </summary>
public class RegistrationTests
{
    private static readonly PluginKind[] MethodKinds = [PluginKind.Calibrator, PluginKind.FailurePredictor, PluginKind.ExitPolicy, PluginKind.Metric];

    public static TheoryData<PluginKind, string> Methods()
    {
        var data = new TheoryData<PluginKind, string>();
        foreach (var kind in MethodKinds)
        {
            foreach (var alias in ShippedRegistry.Aliases(kind))
            {
                data.Add(kind, alias);
            }
        }

        return data;
    }

    [Fact]
    public void EveryPluginProjectIsBuiltLoadedAndRegistersSomething()
    {
        var projects = Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "plugins"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        var catalog = ShippedRegistry.Loaded;

        Assert.Equal(projects, PluginHost.FindAssemblies(TestPaths.Plugins).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));
        Assert.Empty(catalog.Failures);
        Assert.Empty(catalog.Conflicts);
        Assert.All(projects, project => Assert.Contains(PluginKinds.All.SelectMany(k => catalog[k].Entries), r => r.Assembly.StartsWith(project + " ", StringComparison.Ordinal)));
    }

    [Fact]
    public void TheSolutionListsEveryPluginProject()
    {
        // The one list a new plugin project still joins by hand (the build and the tests find it by folder): checked here.
        var solution = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "EarlyExitBench.sln")).Replace('\\', '/');
        var missing = Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "plugins"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(TestPaths.RepoRoot, p).Replace('\\', '/'))
            .Where(p => !solution.Contains($"\"{p}\"", StringComparison.Ordinal))
            .ToList();

        Assert.True(missing.Count == 0, "not in EarlyExitBench.sln: " + string.Join(", ", missing.Select(p => $"dotnet sln add {p}")));
    }

    [Fact]
    public void TheRegistryTheTestsEnumerateIsTheOneTheHostLoads()
    {
        static List<string> Describe(PluginCatalog catalog) =>
            [.. PluginKinds.All.SelectMany(k => catalog[k].InRegistrationOrder.Select(r =>
                $"{k} {r.Alias} {r.OptionsType.FullName} [{string.Join(",", r.DeprecatedAliases)}] {r.Info with { DeprecatedAliases = [] }}"))];

        Assert.Equal(Describe(ShippedRegistry.Loaded), Describe(ShippedRegistry.InProcess));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void EveryRegistrationBuildsItsKindFromDefaultOptions(PluginKind kind, string alias)
    {
        var registration = ShippedRegistry.Get(kind, alias);

        var instance = registration.Factory(Activator.CreateInstance(registration.OptionsType)!, new PluginContext(Serilog.Core.Logger.None, alias, 1));

        Assert.IsAssignableFrom(PluginKinds.ContractOf(kind), instance);
        Assert.Equal(kind, registration.Kind);
        Assert.False(string.IsNullOrWhiteSpace(registration.Description));
        Assert.DoesNotContain('\n', registration.Description);
        Assert.Equal(alias.ToLowerInvariant(), alias);
        Assert.Equal((alias, registration.Description, registration.Citation), (registration.Info.Alias, registration.Info.Description, registration.Info.Citation));
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
}
