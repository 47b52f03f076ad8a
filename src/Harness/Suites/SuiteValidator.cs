using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Plugins;

namespace EarlyExitBench.Harness.Suites;

/// <summary>Checks a bound suite against the loaded plugins: aliases exist, options bind, exit weights fit the architectures.</summary>
public static class SuiteValidator
{
    /// <summary>
    /// Reads <paramref name="path"/>, loads the plugins it needs with <paramref name="loadCatalog"/> (given the suite's
    /// plugin folders), and validates (see <see cref="Validate"/> for <paramref name="inputShape"/>): one pass reports binding and plugin errors together, so fixing one never
    /// uncovers the next. Throws <see cref="SuiteException"/> with every error.
    /// </summary>
    public static (Suite Suite, PluginCatalog Catalog) LoadAndValidate(string path, Func<IReadOnlyList<string>, PluginCatalog> loadCatalog, Func<PluginRegistration, InputSpec?>? inputShape = null)
        => LoadAndValidate(SuiteLoader.Read(path), loadCatalog, inputShape);

    /// <summary>
    /// Like <see cref="LoadAndValidate(string, Func{IReadOnlyList{string}, PluginCatalog}, Func{PluginRegistration, InputSpec?}?)"/>
    /// on a suite file already read (<see cref="SuiteLoader.Read"/>), so a command reads and parses its suite once.
    /// </summary>
    public static (Suite Suite, PluginCatalog Catalog) LoadAndValidate(SuiteReading reading, Func<IReadOnlyList<string>, PluginCatalog> loadCatalog, Func<PluginRegistration, InputSpec?>? inputShape = null)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(loadCatalog);
        if (reading.Suite is not { } suite)
        {
            throw new SuiteException(reading.Errors);
        }

        var catalog = loadCatalog(suite.PluginDirectories);
        var errors = reading.Errors.Concat(Validate(suite, catalog, inputShape)).ToList();
        return errors.Count == 0 ? (suite, catalog) : throw new SuiteException(SuiteLoader.Sorted(errors));
    }

    /// <summary>
    /// Every problem found, in file order; empty when the suite can run. With <paramref name="inputShape"/> (a dataset's
    /// input shape when known without reading it), <c>exit_weights</c> is checked against each architecture's exits.
    /// </summary>
    public static IReadOnlyList<SuiteError> Validate(Suite suite, PluginCatalog catalog, Func<PluginRegistration, InputSpec?>? inputShape = null)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<SuiteError>();
        errors.AddRange(Conflicts(suite, catalog));
        Check(suite.Datasets.Select(WithDownloadFolder), PluginKind.Dataset, catalog, errors);
        Check(suite.Architectures, PluginKind.Architecture, catalog, errors);
        Check(suite.Calibrators, PluginKind.Calibrator, catalog, errors);
        Check(suite.FailurePredictors, PluginKind.FailurePredictor, catalog, errors);
        Check(suite.ExitPolicies, PluginKind.ExitPolicy, catalog, errors);
        errors.AddRange(inputShape is null ? [] : ExitCounts.Check(suite, catalog, inputShape));
        errors.AddRange(inputShape is null ? [] : ExitCounts.CheckCostConvention(suite, catalog, inputShape));
        errors.AddRange(MeasuredMethod(suite, "calibrator", suite.Measurement.Calibrator, suite.Calibrators));
        errors.AddRange(MeasuredMethod(suite, "failure_predictor", suite.Measurement.FailurePredictor, suite.FailurePredictors));
        errors.AddRange(WeightsFiles(suite));
        errors.AddRange(CalibrationOverlap(suite));
        return SuiteLoader.Sorted(errors);
    }

    /// <summary>Calibration data that would overlap the test data are refused unless the entry says calibration_overlap: allowed.</summary>
    private static IEnumerable<SuiteError> CalibrationOverlap(Suite suite)
    {
        foreach (var dataset in suite.Datasets.Where(d => d.Calibration == "test" && !d.CalibrationOverlap))
        {
            yield return new SuiteError(
                dataset.CalibrationLocation ?? dataset.Plugin.Location,
                $"dataset '{dataset.Plugin.Alias}': calibration: test fits calibrators and thresholds on the test data they are then scored on; "
                + "use calibration: test-split (a seeded split of the test split, disjoint) or write calibration_overlap: allowed to accept the overlap");
        }
    }

    // A 'download: true' entry without a path gets its folder under the data root when the suite runs (SuiteDownloads);
    // validation binds its options with a stand-in path, as the folder may not exist yet.
    private static PluginSpec WithDownloadFolder(DatasetSpec dataset)
    {
        if (!dataset.Download || dataset.Plugin.Options.ContainsKey("path"))
        {
            return dataset.Plugin;
        }

        var options = (System.Text.Json.Nodes.JsonObject)dataset.Plugin.Options.DeepClone();
        options["path"] = "(download: true)";
        return dataset.Plugin with { Options = options };
    }

    /// <summary>Weights files exist and have a format the loader reads; whether they fit the model is checked when the cell builds it.</summary>
    private static IEnumerable<SuiteError> WeightsFiles(Suite suite)
    {
        foreach (var spec in suite.Architectures.Where(a => a.Weights is not null))
        {
            var extension = Path.GetExtension(spec.Weights!).ToLowerInvariant();
            if (extension is not (".pt" or ".pth" or ".bin" or ".tar" or ".safetensors"))
            {
                yield return new SuiteError(spec.WeightsLocation!, $"architecture '{spec.Alias}': weights '{spec.Weights}' must be a .pt, .pth, .bin (torch.save of a state_dict), .pth.tar (a checkpoint dict with a state_dict) or .safetensors file");
            }
            else if (!File.Exists(spec.Weights))
            {
                yield return new SuiteError(spec.WeightsLocation!, $"architecture '{spec.Alias}': weights file '{spec.Weights}' not found (a relative path is read from the suite's folder)");
            }
        }
    }

    /// <summary>Binds one plugin's options; throws <see cref="SuiteException"/> with every problem, each at its own key.</summary>
    public static (PluginRegistration Registration, object Options) Resolve(PluginSpec spec, PluginKind kind, PluginCatalog catalog)
    {
        var (registration, options, errors) = Inspect(spec, kind, catalog);
        return errors.Count == 0 ? (registration!, options!) : throw new SuiteException(errors);
    }

    /// <summary>
    /// Looks the alias up, binds the options that bind and lets the plugin check their values: every problem is
    /// returned, each at its own key. Registration and options are null only when the alias is unknown.
    /// </summary>
    internal static (PluginRegistration? Registration, object? Options, List<SuiteError> Errors) Inspect(PluginSpec spec, PluginKind kind, PluginCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(catalog);
        if (!catalog[kind].TryGet(spec.Alias, out var registration))
        {
            var note = catalog.Failures.Count == 0
                ? string.Empty
                : $"; note: {catalog.Failures.Count} plugin assembly(ies) failed to load ({string.Join(", ", catalog.Failures.Select(f => Path.GetFileName(f.AssemblyPath)))}), see eebench plugins";
            return (null, null, [new SuiteError(spec.Location, catalog[kind].UnknownAliasMessage(spec.Alias) + note)]);
        }

        var problems = new List<OptionProblem>();
        var options = OptionsBinder.BindValid(registration.OptionsType, spec.Options, problems);
        var errors = problems.Select(p => new SuiteError(At(spec, p.Key), $"{PluginKinds.Describe(kind)} '{spec.Alias}': {p.Message}")).ToList();

        // Creating the implementation is cheap and is where plugins check their options' values
        // (bins: 0, an empty budget list): report that now, with the suite's line, not mid-run.
        try
        {
            registration.Factory(options, new PluginContext(Serilog.Core.Logger.None, spec.Alias, 0));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or InvalidDataException)
        {
            var text = ex is ArgumentException { ParamName: { } name } ? ex.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : ex.Message;
            text = string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var message = ex is InvalidDataException ? text : $"invalid options: {text}";
            var key = spec.OptionLocations.Keys.Where(k => Mentions(ex.Message, k)).OrderByDescending(k => k.Length).FirstOrDefault();
            errors.Add(new SuiteError(At(spec, key), $"{PluginKinds.Describe(kind)} '{spec.Alias}': {message}"));
        }

        return (registration, options, errors);
    }

    private static SourceLocation At(PluginSpec spec, string? key) =>
        key is not null && spec.OptionLocations.TryGetValue(key, out var at) ? at : spec.OptionsLocation;

    // A plugin's message names the option it rejects ("head_grid must be positive", "HeadGrid ('0') must be ..."): point at that key.
    private static bool Mentions(string message, string key) =>
        MentionsWord(message, key) || MentionsWord(message, string.Concat(key.Split('_').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..])));

    private static bool MentionsWord(string message, string key)
    {
        for (var i = message.IndexOf(key, StringComparison.Ordinal); i >= 0; i = message.IndexOf(key, i + 1, StringComparison.Ordinal))
        {
            var before = i == 0 ? ' ' : message[i - 1];
            var after = i + key.Length >= message.Length ? ' ' : message[i + key.Length];
            if (!(char.IsLetterOrDigit(before) || before == '_') && !(char.IsLetterOrDigit(after) || after == '_'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A duplicate alias is reported where the suite uses it; one the suite does not use, at the assembly.</summary>
    private static IEnumerable<SuiteError> Conflicts(Suite suite, PluginCatalog catalog)
    {
        foreach (var conflict in catalog.Conflicts)
        {
            var uses = SpecsOf(suite, conflict.Kind).Where(s => s.Alias == conflict.Alias).ToList();
            if (uses.Count == 0)
            {
                yield return new SuiteError(SourceLocation.WholeFile(conflict.AssemblyPaths[^1]), conflict.Message);
            }

            foreach (var use in uses)
            {
                yield return new SuiteError(use.Location, conflict.Message);
            }
        }
    }

    private static IEnumerable<PluginSpec> SpecsOf(Suite suite, PluginKind kind) => kind switch
    {
        PluginKind.Dataset => suite.Datasets.Select(d => d.Plugin),
        PluginKind.Architecture => suite.Architectures,
        PluginKind.Calibrator => suite.Calibrators,
        PluginKind.FailurePredictor => suite.FailurePredictors,
        _ => suite.ExitPolicies,
    };

    private static IEnumerable<SuiteError> MeasuredMethod(Suite suite, string key, string? chosen, IReadOnlyList<PluginSpec> listed)
    {
        if (chosen is null || !suite.Locations.TryGetValue($"measurement.{key}", out var at) || listed.Any(s => s.Alias == chosen || $"{s.Alias}{s.OptionsJson}" == chosen))
        {
            yield break;
        }

        yield return new SuiteError(at, $"measurement.{key} '{chosen}' is not one of the suite's {key.Replace('_', ' ')}s ({string.Join(", ", listed.Select(s => s.Alias).Distinct())})");
    }

    private static void Check(IEnumerable<PluginSpec> specs, PluginKind kind, PluginCatalog catalog, List<SuiteError> errors)
    {
        foreach (var spec in specs)
        {
            errors.AddRange(Inspect(spec, kind, catalog).Errors);
        }
    }
}
