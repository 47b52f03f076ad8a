using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Plugins;

namespace EarlyExitBench.Harness.Suites;

/// <summary>Checks a bound suite against the loaded plugins: aliases exist, options bind.</summary>
public static class SuiteValidator
{
    /// <summary>Every problem found, in file order; empty when the suite can run.</summary>
    public static IReadOnlyList<SuiteError> Validate(Suite suite, PluginCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<SuiteError>();
        foreach (var conflict in catalog.Errors)
        {
            errors.Add(new SuiteError(new SourceLocation(suite.SourcePath, 1, 1), conflict));
        }

        Check(suite.Datasets.Select(d => d.Plugin), PluginKind.Dataset, catalog, errors);
        Check(suite.Architectures, PluginKind.Architecture, catalog, errors);
        Check(suite.Calibrators, PluginKind.Calibrator, catalog, errors);
        Check(suite.FailurePredictors, PluginKind.FailurePredictor, catalog, errors);
        Check(suite.ExitPolicies, PluginKind.ExitPolicy, catalog, errors);

        return errors.OrderBy(e => e.Location.Line).ThenBy(e => e.Location.Column).ToList();
    }

    /// <summary>Binds one plugin's options; call only after <see cref="Validate"/> passed.</summary>
    public static (PluginRegistration Registration, object Options) Resolve(PluginSpec spec, PluginKind kind, PluginCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(catalog);
        if (!catalog[kind].TryGet(spec.Alias, out var registration))
        {
            var note = catalog.Failures.Count == 0
                ? string.Empty
                : $"; note: {catalog.Failures.Count} plugin assembly(ies) failed to load ({string.Join(", ", catalog.Failures.Select(f => Path.GetFileName(f.AssemblyPath)))}), see eebench plugins";
            throw new SuiteException([new SuiteError(spec.Location, catalog[kind].UnknownAliasMessage(spec.Alias) + note)]);
        }

        object options;
        try
        {
            options = OptionsBinder.Bind(registration.OptionsType, spec.Options);
        }
        catch (OptionsException ex)
        {
            throw new SuiteException([new SuiteError(spec.OptionsLocation, $"{PluginKinds.Describe(kind)} '{spec.Alias}': {ex.Message}")]);
        }

        // Creating the implementation is cheap and is where plugins check their options' values
        // (bins: 0, an empty budget list): report that now, with the suite's line, not mid-run.
        try
        {
            registration.Factory(options, new PluginContext(Serilog.Core.Logger.None, spec.Alias, 0));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or InvalidDataException)
        {
            var message = ex is InvalidDataException ? ex.Message : $"invalid options: {ex.Message}";
            throw new SuiteException([new SuiteError(spec.OptionsLocation, $"{PluginKinds.Describe(kind)} '{spec.Alias}': {message}")]);
        }

        return (registration, options);
    }

    private static void Check(IEnumerable<PluginSpec> specs, PluginKind kind, PluginCatalog catalog, List<SuiteError> errors)
    {
        foreach (var spec in specs)
        {
            try
            {
                Resolve(spec, kind, catalog);
            }
            catch (SuiteException ex)
            {
                errors.AddRange(ex.Errors);
            }
        }
    }
}
