namespace EarlyExitBench.Contracts;

/// <summary>Shorthands for <see cref="IPluginRegistrar"/>.</summary>
public static class PluginRegistrarExtensions
{
    /// <summary>Registers an implementation that takes no options.</summary>
    /// <typeparam name="TKind">The plugin kind.</typeparam>
    /// <param name="registrar">The registrar.</param>
    /// <param name="alias">Alias used in suites.</param>
    /// <param name="description">One line shown by <c>eebench plugins</c>.</param>
    /// <param name="factory">Creates the implementation.</param>
    public static void Add<TKind>(this IPluginRegistrar registrar, string alias, string description, Func<PluginContext, TKind> factory)
        where TKind : class
        => registrar.Add(new PluginInfo(alias, description), factory);

    /// <summary>Registers an implementation that takes no options, with its citation and version.</summary>
    /// <typeparam name="TKind">The plugin kind.</typeparam>
    /// <param name="registrar">The registrar.</param>
    /// <param name="info">Alias, description, citation, version and former aliases.</param>
    /// <param name="factory">Creates the implementation.</param>
    public static void Add<TKind>(this IPluginRegistrar registrar, PluginInfo info, Func<PluginContext, TKind> factory)
        where TKind : class
    {
        ArgumentNullException.ThrowIfNull(registrar);
        ArgumentNullException.ThrowIfNull(factory);
        registrar.Add<TKind, NoOptions>(info, (_, context) => factory(context));
    }
}
