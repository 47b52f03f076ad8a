namespace EarlyExitBench.Contracts;

/// <summary>Collects a plugin's implementations, one registry per plugin kind.</summary>
public interface IPluginRegistrar
{
    /// <summary>
    /// Registers a factory for one implementation of a plugin kind, with its alias, description, citation and version.
    /// </summary>
    /// <typeparam name="TKind">
    /// The plugin kind: <see cref="IEarlyExitArchitecture"/>, <see cref="ICalibrator"/>,
    /// <see cref="IFailurePredictor"/>, <see cref="IExitPolicy"/>, <see cref="IDatasetSource"/> or <see cref="IExitMetric"/>.
    /// </typeparam>
    /// <typeparam name="TOptions">
    /// The typed options bound from the suite's <c>options:</c> mapping (snake_case keys map to
    /// PascalCase properties; unknown keys are errors). Use <see cref="NoOptions"/> when there are none.
    /// </typeparam>
    /// <param name="info">Alias used in suites, one-line description, citation, version and former aliases.</param>
    /// <param name="factory">Creates the implementation from bound options and the host's context.</param>
    void Add<TKind, TOptions>(PluginInfo info, Func<TOptions, PluginContext, TKind> factory)
        where TKind : class
        where TOptions : class, new();

    /// <summary>Registers a factory under an alias and a description only (no citation; the assembly's version).</summary>
    /// <typeparam name="TKind">The plugin kind.</typeparam>
    /// <typeparam name="TOptions">The typed options; <see cref="NoOptions"/> when there are none.</typeparam>
    /// <param name="alias">Alias used in suites, for example <c>temperature</c>.</param>
    /// <param name="description">One line shown by <c>eebench plugins</c>.</param>
    /// <param name="factory">Creates the implementation from bound options and the host's context.</param>
    void Add<TKind, TOptions>(string alias, string description, Func<TOptions, PluginContext, TKind> factory)
        where TKind : class
        where TOptions : class, new()
        => Add(new PluginInfo(alias, description), factory);
}
