namespace EarlyExitBench.Harness.Plugins;

/// <summary>
/// The one boundary every plugin call crosses: an exception or a null result becomes a <see cref="PluginFailure"/>
/// naming the plugin and what it was doing, so the caller can fail just that cell or method and go on.
/// </summary>
public static class PluginCall
{
    /// <summary>Runs <paramref name="call"/> as <paramref name="plugin"/> doing <paramref name="stage"/>.</summary>
    /// <remarks>
    /// Cancellation and out-of-memory pass through untouched. So does <see cref="InvalidDataException"/> from a
    /// dataset: <see cref="Contracts.IDatasetSource"/> documents it as "a missing or corrupt file", which is bad input
    /// (exit code 2) rather than a plugin bug.
    /// </remarks>
    public static T Run<T>(PluginKind kind, string plugin, string stage, Func<T> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var name = PluginKinds.Describe(kind);
        try
        {
            return call() ?? throw new PluginFailure(name, plugin, stage, "returned null");
        }
        catch (Exception ex) when (ex is not (PluginFailure or OperationCanceledException or OutOfMemoryException)
            && !(kind == PluginKind.Dataset && ex is InvalidDataException))
        {
            throw new PluginFailure(name, plugin, stage, $"{ex.GetType().Name}: {ex.Message}", ex);
        }
    }

    /// <summary>Runs <paramref name="call"/> through <see cref="Run{T}"/> as the plugin <paramref name="plugin"/> resolves to.</summary>
    public static T Run<T>(ResolvedPlugin plugin, string stage, Func<T> call)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        return Run(plugin.Registration.Kind, plugin.Label, stage, call);
    }
}
