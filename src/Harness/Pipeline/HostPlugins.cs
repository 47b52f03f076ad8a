using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Evaluation.Metrics;
using EarlyExitBench.Harness.Methods;

namespace EarlyExitBench.Harness.Pipeline;

/// <summary>What the host registers besides the plugin folders: its datasets, its metrics and its exit policy.</summary>
public static class HostPlugins
{
    /// <summary>Registers every built-in; pass to <see cref="Plugins.PluginHost.Load"/>.</summary>
    /// <param name="registrar">The host's registrar.</param>
    public static void Register(IPluginRegistrar registrar)
    {
        BuiltInDatasets.Register(registrar);
        BuiltInMetrics.Register(registrar);
        GlobalThresholdPolicy.Register(registrar);
    }
}
