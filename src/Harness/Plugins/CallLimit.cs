namespace EarlyExitBench.Harness.Plugins;

/// <summary>The bounds of the plugin calls of one cell: each call's time limit and the run's cancellation.</summary>
/// <param name="Timeout">Time limit of one call; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</param>
/// <param name="CancellationToken">The run's token.</param>
public sealed record CallLimit(TimeSpan Timeout, CancellationToken CancellationToken)
{
    /// <summary>
    /// Runs <paramref name="call"/> through <see cref="PluginCall"/> within these bounds. The host's own built-in plugins
    /// (its metrics, thousands of calls a cell) run on this thread without a time limit: they are not third-party code.
    /// </summary>
    /// <param name="plugin">The plugin called.</param>
    /// <param name="stage">What it is doing.</param>
    /// <param name="call">The call; it receives the token to hand the plugin.</param>
    public T Run<T>(ResolvedPlugin plugin, string stage, Func<CancellationToken, T> call) =>
        PluginCall.Run(plugin, stage, plugin?.Registration.AssemblyPath == PluginHost.BuiltInPath ? System.Threading.Timeout.InfiniteTimeSpan : Timeout, CancellationToken, call);
}
