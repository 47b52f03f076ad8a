using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace EarlyExitBench.Tests.Support;

/// <summary>A Serilog sink that keeps every event, rendered, for assertions on what was logged.</summary>
internal sealed class CapturingSink : ILogEventSink
{
    public List<string> Messages { get; } = [];

    public ILogger Logger() => new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        lock (Messages)
        {
            Messages.Add(logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
