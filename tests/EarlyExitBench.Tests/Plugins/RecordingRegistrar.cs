using EarlyExitBench.Contracts;
using Serilog.Core;

namespace EarlyExitBench.Tests.Plugins;

/// <summary>Collects registrations and builds each implementation with default options.</summary>
internal sealed class RecordingRegistrar : IPluginRegistrar
{
    public List<(Type Kind, string Alias, string Description, Type Options, object Instance)> Entries { get; } = [];

    /// <summary>What each registration said about itself, in registration order.</summary>
    public List<PluginInfo> Infos { get; } = [];

    public void Add<TKind, TOptions>(PluginInfo info, Func<TOptions, PluginContext, TKind> factory)
        where TKind : class
        where TOptions : class, new()
    {
        var instance = factory(new TOptions(), new PluginContext(Logger.None, info.Alias, 1));
        Entries.Add((typeof(TKind), info.Alias, info.Description, typeof(TOptions), instance));
        Infos.Add(info);
    }

    public static RecordingRegistrar Of(IEarlyExitPlugin plugin)
    {
        var registrar = new RecordingRegistrar();
        plugin.Register(registrar);
        return registrar;
    }
}
