using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace EarlyExitBench.Harness.Cli;

/// <summary>Serilog to the console (stderr) and, for runs, a JSON log file.</summary>
internal static class Logging
{
    public static Logger Create(bool verbose, string? jsonFile)
    {
        var config = new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Information)
            .WriteTo.Console(
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: LogEventLevel.Verbose,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        if (jsonFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(jsonFile))!);
            config = config.WriteTo.File(new CompactJsonFormatter(), jsonFile, restrictedToMinimumLevel: LogEventLevel.Debug);
        }

        // Last, so the line is on the console and in the file before the thread is held.
        if (HoldSink.FromEnvironment() is { } hold)
        {
            config = config.WriteTo.Sink(hold);
        }

        return config.CreateLogger();
    }
}
