using EarlyExitBench.Contracts;

namespace EarlyExitBench.Testing;

/// <summary>
/// An <see cref="IPluginRegistrar"/> that records what a plugin registers, as the host's would (aliases checked for the
/// host's style), so a test can find a registration and make instances of it outside eebench.
/// </summary>
public sealed class PluginRecorder : IPluginRegistrar
{
    private readonly List<RecordedPlugin> _registrations = [];

    /// <summary>Everything registered, in order.</summary>
    public IReadOnlyList<RecordedPlugin> Registrations => _registrations;

    /// <summary>Registers <paramref name="plugin"/> and returns its <typeparamref name="TKind"/> named <paramref name="alias"/>.</summary>
    /// <typeparam name="TKind">The kind looked for.</typeparam>
    /// <param name="plugin">The plugin entry point.</param>
    /// <param name="alias">The alias.</param>
    /// <returns>The registration.</returns>
    /// <exception cref="ContractViolation">Register threw, or registered no such alias of that kind.</exception>
    public static RecordedPlugin Find<TKind>(IEarlyExitPlugin plugin, string alias)
        where TKind : class
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var recorder = new PluginRecorder();
        try
        {
            plugin.Register(recorder);
        }
        catch (Exception exception) when (exception is not ContractViolation)
        {
            throw new ContractViolation($"{plugin.GetType().Name}.Register threw {exception.GetType().Name}: {exception.Message}", exception);
        }

        return recorder._registrations.FirstOrDefault(r => r.Kind == typeof(TKind) && r.Info.Alias == alias)
            ?? throw new ContractViolation($"{plugin.GetType().Name} registers no {typeof(TKind).Name} '{alias}'; it registers: "
                + string.Join(", ", recorder._registrations.Select(r => $"{r.Kind.Name} '{r.Info.Alias}'")));
    }

    /// <inheritdoc />
    public void Add<TKind, TOptions>(PluginInfo info, Func<TOptions, PluginContext, TKind> factory)
        where TKind : class
        where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(factory);
        if (OutputChecks.AliasStyle(info.Alias, typeof(TKind) == typeof(IExitMetric)) is { } style)
        {
            throw new ContractViolation($"{typeof(TKind).Name} alias '{info.Alias}' must be {style} (eebench refuses to load it)");
        }

        _registrations.Add(new RecordedPlugin(typeof(TKind), info, typeof(TOptions), (options, seed) =>
            factory(options as TOptions ?? new TOptions(), new PluginContext(Serilog.Core.Logger.None, info.Alias, seed))));
    }
}
