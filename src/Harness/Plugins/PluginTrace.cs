using Serilog;
using Serilog.Events;

namespace EarlyExitBench.Harness.Plugins;

/// <summary>What a logged <see cref="PluginFailure"/> carries besides its one line.</summary>
internal static class PluginTrace
{
    /// <summary>
    /// The plugin's own exception, with its stack trace, when <paramref name="logger"/> logs at debug level
    /// (<c>--verbose</c>); otherwise null, so the failure stays one line.
    /// </summary>
    public static Exception? Of(PluginFailure failure, ILogger logger) =>
        logger.IsEnabled(LogEventLevel.Debug) ? failure.InnerException : null;
}
