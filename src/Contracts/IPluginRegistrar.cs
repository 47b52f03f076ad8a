namespace EarlyExitBench.Contracts;

/// <summary>Collects a plugin's implementations, one registry per plugin kind.</summary>
public interface IPluginRegistrar
{
    /// <summary>
    /// Registers a factory for one implementation of a plugin kind under an alias that suites use.
    /// </summary>
    /// <typeparam name="TKind">
    /// The plugin kind: <see cref="IEarlyExitArchitecture"/>, <see cref="ICalibrator"/>,
    /// <see cref="IFailurePredictor"/>, <see cref="IExitPolicy"/>, <see cref="IDatasetSource"/> or <see cref="IExitMetric"/>.
    /// </typeparam>
    /// <typeparam name="TOptions">
    /// The typed options bound from the suite's <c>options:</c> mapping (snake_case keys map to
    /// PascalCase properties; unknown keys are errors). Use <see cref="NoOptions"/> when there are none.
    /// </typeparam>
    /// <param name="alias">Lower-case name used in suites, for example <c>temperature</c>.</param>
    /// <param name="description">One line shown by <c>eebench plugins</c>.</param>
    /// <param name="factory">Creates the implementation from bound options and the host's context.</param>
    void Add<TKind, TOptions>(string alias, string description, Func<TOptions, PluginContext, TKind> factory)
        where TKind : class
        where TOptions : class, new();
}
