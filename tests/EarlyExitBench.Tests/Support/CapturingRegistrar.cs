using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Data;

namespace EarlyExitBench.Tests.Support;

/// <summary>Collects factories so tests can create built-in implementations directly.</summary>
internal sealed class CapturingRegistrar : IPluginRegistrar
{
    private readonly Dictionary<string, Func<object, PluginContext, object>> _factories = [];

    public void Add<TKind, TOptions>(PluginInfo info, Func<TOptions, PluginContext, TKind> factory)
        where TKind : class
        where TOptions : class, new() =>
        _factories[info.Alias] = (o, c) => factory((TOptions)o, c);

    public IDatasetSource Dataset(string alias, string path) =>
        (IDatasetSource)_factories[alias](new DatasetOptions { Path = path }, new PluginContext(Loggers.Silent, alias, 0));

    public IDatasetSource Dataset<TOptions>(string alias, TOptions options)
        where TOptions : class =>
        (IDatasetSource)_factories[alias](options, new PluginContext(Loggers.Silent, alias, 0));
}
