using Serilog.Core;
using Serilog.Events;

namespace EarlyExitBench.Harness.Cli;

/// <summary>
/// Fault injection for crash tests: with <c>EEBENCH_HOLD_AT=TEXT#N</c>, the thread that logs the N-th message containing
/// TEXT stops there (after the console has printed it) for a minute, so a test that kills the process on that line kills
/// it at that moment and not a few epochs later, however fast the machine. Unset, it is not installed.
/// </summary>
internal sealed class HoldSink(string text, int occurrence) : ILogEventSink
{
    private int _seen;

    /// <summary>The sink <c>EEBENCH_HOLD_AT</c> asks for, or null.</summary>
    public static HoldSink? FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable("EEBENCH_HOLD_AT");
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var hash = value.LastIndexOf('#');
        return hash > 0 && int.TryParse(value.AsSpan(hash + 1), out var n) && n > 0 ? new HoldSink(value[..hash], n) : new HoldSink(value, 1);
    }

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(text, StringComparison.Ordinal) && Interlocked.Increment(ref _seen) == occurrence)
        {
            Thread.Sleep(TimeSpan.FromMinutes(1));
        }
    }
}
