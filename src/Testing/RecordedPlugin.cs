using EarlyExitBench.Contracts;

namespace EarlyExitBench.Testing;

/// <summary>One registration a plugin made, as <see cref="PluginRecorder"/> saw it.</summary>
/// <param name="Kind">The registered interface (<see cref="ICalibrator"/>, ...).</param>
/// <param name="Info">What the plugin said about itself.</param>
/// <param name="OptionsType">The options class suites bind to.</param>
/// <param name="Factory">Makes an instance from options (null: the options class's defaults) and a seed.</param>
public sealed record RecordedPlugin(Type Kind, PluginInfo Info, Type OptionsType, Func<object?, int, object> Factory)
{
    /// <summary>A new instance with default options, as the host makes one per call.</summary>
    /// <typeparam name="TKind">The kind.</typeparam>
    /// <param name="options">Options of <see cref="OptionsType"/>, or null for its defaults.</param>
    /// <param name="seed">The cell's seed.</param>
    /// <returns>The instance.</returns>
    public TKind Create<TKind>(object? options = null, int seed = 0)
        where TKind : class =>
        Factory(options, seed) as TKind ?? throw new ContractViolation($"{Info.Alias}: the factory registered as {Kind.Name} made no {typeof(TKind).Name}");
}
