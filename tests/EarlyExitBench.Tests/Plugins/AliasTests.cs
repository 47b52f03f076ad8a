using System.Text.Json.Nodes;
using EarlyExitBench.Architectures.BranchyLeNet;
using EarlyExitBench.Architectures.MsdNet;
using EarlyExitBench.Architectures.ResNetSdn;
using EarlyExitBench.Architectures.VitEe;
using EarlyExitBench.Calibrators.Standard;
using EarlyExitBench.Contracts;
using EarlyExitBench.ExitPolicies.Standard;
using EarlyExitBench.FailurePredictors.Standard;
using EarlyExitBench.Harness.Pipeline;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Suites;
using EarlyExitBench.Metrics.Conventions;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Plugins;

/// <summary>One alias style, old aliases still working, and what each registration says about itself.</summary>
public class AliasTests
{
    private static readonly IEarlyExitPlugin[] Shipped =
    [
        new StandardCalibratorsPlugin(), new StandardScoresPlugin(), new StandardExitPoliciesPlugin(), new ConventionsPlugin(),
        new BranchyLeNetPlugin(), new ResNetSdnPlugin(), new MsdNetPlugin(), new VitEePlugin(),
    ];

    private static PluginCatalog Catalog() => PluginHost.Load([TestPaths.Plugins], Loggers.Silent, HostPlugins.Register);

    [Fact]
    public void EveryLoadedAliasFollowsTheStyleOfItsKind()
    {
        var catalog = Catalog();

        foreach (var kind in PluginKinds.All)
        {
            Assert.All(catalog[kind].Entries, r => Assert.True(AliasStyle.Follows(kind, r.Alias), $"{PluginKinds.Describe(kind)} '{r.Alias}'"));
        }
    }

    [Fact]
    public void ShippedMethodsCiteWhereTheyComeFrom()
    {
        // Methods defined here first (and the identity) have no paper to cite.
        string[] ours = ["identity", "learned", "exit-aware"];
        var infos = Shipped.SelectMany(p => RecordingRegistrar.Of(p).Infos).ToList();

        Assert.All(infos.Where(i => !ours.Contains(i.Alias)), i => Assert.Matches(@"^\S.* (19|20)\d\d, \S", i.Citation));
        Assert.All(infos.Where(i => ours.Contains(i.Alias)), i => Assert.Empty(i.Citation));
    }

    [Theory]
    [InlineData(PluginKind.FailurePredictor, "max_logit", "max-logit")]
    [InlineData(PluginKind.FailurePredictor, "patience", "consistency")]
    [InlineData(PluginKind.ExitPolicy, "patience", "patience")]
    public void OldAliasesResolveToTheCurrentRegistration(PluginKind kind, string alias, string current)
    {
        var registry = Catalog()[kind];

        Assert.True(registry.TryGet(alias, out var registration));
        Assert.Equal(current, registration.Alias);
        Assert.Equal(alias == current, registry.DeprecationNote(alias) is null);
    }

    [Fact]
    public void APlanRecordsTheCurrentAliasAndLogsTheDeprecation()
    {
        var sink = new CapturingSink();
        var specs = new[] { "msp", "max_logit", "patience" }
            .Select((a, i) => new PluginSpec(a, new JsonObject(), new SourceLocation("s.yaml", 7, 21 + (5 * i)), new SourceLocation("s.yaml", 7, 1)))
            .ToList();

        var resolved = PlanBuilder.Resolve(specs, PluginKind.FailurePredictor, Catalog(), sink.Logger());

        Assert.Equal(["msp", "max-logit", "consistency"], resolved.Select(r => r.Label));
        Assert.Equal(
            [
                "s.yaml:7:26: failure predictor alias 'max_logit' is deprecated; use 'max-logit' (results are recorded under 'max-logit')",
                "s.yaml:7:31: failure predictor alias 'patience' is deprecated; use 'consistency' (results are recorded under 'consistency')",
            ],
            sink.Messages);
    }

    [Theory]
    [InlineData(PluginKind.Calibrator, "My_Calibrator")]
    [InlineData(PluginKind.FailurePredictor, "max_logit2")]
    [InlineData(PluginKind.Architecture, "net--x")]
    [InlineData(PluginKind.Metric, "my-metric")]
    public void ARegistrationInAnotherStyleIsRefusedWithTheStyleNamed(PluginKind kind, string alias)
    {
        var ex = Assert.Throws<ArgumentException>(() => AliasStyle.Check(kind, alias, "info"));

        Assert.Contains($"alias '{alias}' must be {(kind == PluginKind.Metric ? "snake_case" : "kebab-case")}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADeprecatedAliasThatClashesWithAnotherPluginsAliasIsAConflict()
    {
        var catalog = PluginHost.Load([], Loggers.Silent, registrar =>
        {
            registrar.Add<ICalibrator>("old-name", "a calibrator", _ => new IdentityCalibrator());
            registrar.Add<ICalibrator>(new PluginInfo("new-name", "its successor") { DeprecatedAliases = ["old-name"] }, _ => new IdentityCalibrator());
        });

        Assert.Contains("duplicate calibrator alias 'old-name'", Assert.Single(catalog.Errors), StringComparison.Ordinal);
        Assert.True(catalog[PluginKind.Calibrator].TryGet("old-name", out var kept));
        Assert.Equal("old-name", kept.Alias);
    }
}
