using EarlyExitBench.Contracts;
using Serilog.Core;

namespace EarlyExitBench.Tests.Plugins;

/// <summary>Collects registrations and builds each implementation with default options.</summary>
internal sealed class RecordingRegistrar : IPluginRegistrar
{
    public List<(Type Kind, string Alias, string Description, Type Options, object Instance)> Entries { get; } = [];

    public void Add<TKind, TOptions>(string alias, string description, Func<TOptions, PluginContext, TKind> factory)
        where TKind : class
        where TOptions : class, new()
    {
        var instance = factory(new TOptions(), new PluginContext(Logger.None, alias, 1));
        Entries.Add((typeof(TKind), alias, description, typeof(TOptions), instance));
    }

    public static RecordingRegistrar Of(IEarlyExitPlugin plugin)
    {
        var registrar = new RecordingRegistrar();
        plugin.Register(registrar);
        return registrar;
    }
}
