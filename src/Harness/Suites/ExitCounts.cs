using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Plugins;

namespace EarlyExitBench.Harness.Suites;

/// <summary>
/// Checks <c>training.exit_weights</c> against every architecture's exit count before anything runs, from each
/// architecture's analytic description (<see cref="IEarlyExitArchitecture.Describe"/>, no model is built) on the input
/// shape of each dataset whose shape is known without reading it.
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

    /// <summary>The exit count, or null when it cannot be learnt here (bad options are reported elsewhere; libtorch missing is reported by run).</summary>
    private static int? Count(PluginSpec spec, PluginCatalog catalog, InputSpec input)
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
            return architecture.Describe(input).Count;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }
}
