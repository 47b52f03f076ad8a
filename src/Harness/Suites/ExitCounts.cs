using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Plugins;

namespace EarlyExitBench.Harness.Suites;

/// <summary>
/// Checks <c>training.exit_weights</c> against every architecture's exit count before anything runs, from each
/// architecture's analytic description (<see cref="IEarlyExitArchitecture.Describe"/>, no model is built) on the input
/// shape of each dataset whose shape is known without reading it; and that each architecture counts in the suite's
/// <c>cost_convention</c>.
/// </summary>
internal static class ExitCounts
{
    public static IEnumerable<SuiteError> Check(Suite suite, PluginCatalog catalog, Func<PluginRegistration, InputSpec?> inputShape)
    {
        var recipes = suite.Recipes
            .Where(r => r.ExitWeights is { Count: > 0 })
            .Select(r => (Recipe: r, At: suite.Locations.GetValueOrDefault(RecipeReader.ExitWeightsKey(r.Name))))
            .Where(r => r.At is not null)
            .ToList();
        if (recipes.Count == 0)
        {
            return [];
        }

        // Only shapes known without reading data; other datasets' shapes are learnt at run time, where the trainer checks again.
        var inputs = suite.Datasets
            .Select(d => catalog[PluginKind.Dataset].TryGet(d.Plugin.Alias, out var r) ? inputShape(r) : null)
            .OfType<InputSpec>()
            .Distinct()
            .ToList();
        var errors = new List<SuiteError>();
        foreach (var spec in suite.Architectures)
        {
            foreach (var exits in inputs.Select(input => Count(spec, catalog, input)).OfType<int>().Distinct())
            {
                foreach (var (recipe, at) in recipes.Where(r => r.Recipe.ExitWeights!.Count != exits))
                {
                    errors.Add(new SuiteError(at!, $"'exit_weights' lists {recipe.ExitWeights!.Count} weight(s) but architecture '{spec.Alias}' (line {spec.Location.Line}) has {exits} exits; give one weight per exit"));
                }
            }
        }

        return errors;
    }

    /// <summary>
    /// Checks that every architecture counts its costs in the suite's <c>cost_convention</c>, from the same descriptions;
    /// an architecture that cannot is named at its line, with the conventions it can count in.
    /// </summary>
    public static IEnumerable<SuiteError> CheckCostConvention(Suite suite, PluginCatalog catalog, Func<PluginRegistration, InputSpec?> inputShape)
    {
        var convention = suite.CostConvention;
        if (convention == Flops.EeBench || !Suite.CostConventions.Contains(convention))
        {
            return [];
        }

        var inputs = suite.Datasets
            .Select(d => catalog[PluginKind.Dataset].TryGet(d.Plugin.Alias, out var r) ? inputShape(r) : null)
            .OfType<InputSpec>()
            .Distinct()
            .ToList();
        var errors = new List<SuiteError>();
        foreach (var spec in suite.Architectures)
        {
            foreach (var input in inputs.Where(input => Counts(spec, catalog, input, convention) == false).Take(1))
            {
                var counted = Suite.CostConventions.Where(c => Counts(spec, catalog, input, c) == true);
                var at = suite.Locations.GetValueOrDefault("cost_convention");
                errors.Add(new SuiteError(spec.Location, $"architecture '{spec.Alias}' cannot count its costs in 'cost_convention: {convention}'"
                    + $"{(at is null ? string.Empty : $" (line {at.Line})")}; it counts in: {string.Join(", ", counted)}. Choose one of those, or another architecture"));
            }
        }

        return errors;
    }

    /// <summary>The exit count, or null when it cannot be learnt here (bad options are reported elsewhere; libtorch missing is reported by run).</summary>
    private static int? Count(PluginSpec spec, PluginCatalog catalog, InputSpec input)
        => Describe(spec, catalog, input, Flops.EeBench) is { } described ? described.Stages?.Count : null;

    /// <summary>Whether the architecture counts in <paramref name="convention"/>; null when that cannot be learnt here.</summary>
    private static bool? Counts(PluginSpec spec, PluginCatalog catalog, InputSpec input, string convention)
        => Describe(spec, catalog, input, convention) is { } described ? described.Stages is not null : null;

    /// <summary>The architecture's description in a convention (its stages null when it cannot count in it), or null when it cannot be learnt here.</summary>
    private static (IReadOnlyList<StageCost>? Stages, bool Learnt)? Describe(PluginSpec spec, PluginCatalog catalog, InputSpec input, string convention)
    {
        try
        {
            // Options that did not bind are reported by the validator; the ones that did still say how many exits.
            var (registration, options, _) = SuiteValidator.Inspect(spec, PluginKind.Architecture, catalog);
            if (registration is null)
            {
                return null;
            }

            var architecture = (IEarlyExitArchitecture)registration.Factory(options!, new PluginContext(Serilog.Core.Logger.None, spec.Alias, 0));
            return (architecture.Describe(input, convention), true);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }
}
